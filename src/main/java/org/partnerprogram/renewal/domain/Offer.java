package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An offer a partner holds, as stored now: the operator's fields plus what happened for the
 * current anniversary date (reminders sent, lapse mark, exemption: {@link AnniversaryState}).
 */
public record Offer(
        String partnerId,
        String offerId,
        OfferType type,
        String name,
        String area,
        LocalDate anniversaryDate,
        boolean requirementsMet,
        Money renewalFee,
        AnniversaryState state) {

    public Offer {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(anniversaryDate, "anniversaryDate");
        Objects.requireNonNull(renewalFee, "renewalFee");
        Objects.requireNonNull(state, "state");
    }

    /** A newly enrolled offer: nothing sent, not lapsed, no exemption yet. */
    public static Offer enrolled(String partnerId, String offerId, OfferType type, String name, String area,
            LocalDate anniversaryDate, boolean requirementsMet, Money renewalFee) {
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee,
                AnniversaryState.NONE);
    }

    /**
     * D17: an operator's update replaces the fields. For the same AD the state is kept; for
     * another AD it becomes {@code recordedForNewAnniversary}, what the table holds for that AD
     * (D5 holds per offer and AD, across any number of AD changes).
     */
    public Offer replacedBy(Offer update, AnniversaryState recordedForNewAnniversary) {
        AnniversaryState next = update.anniversaryDate.equals(anniversaryDate)
                ? state : state.movedTo(recordedForNewAnniversary);
        return update.with(next);
    }

    /** After a renewal: a new AD, nothing sent or lapsed for it yet (D3, D5, D9). */
    public Offer renewedTo(LocalDate newAnniversaryDate, LocalDate newExemptUntil) {
        return new Offer(partnerId, offerId, type, name, area, newAnniversaryDate, requirementsMet, renewalFee,
                AnniversaryState.renewed(newExemptUntil));
    }

    public Offer with(AnniversaryState newState) {
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee, newState);
    }

    public Offer withReminderSent(ReminderKind kind, LocalDate on) {
        return with(state.withReminderSent(kind, on));
    }

    public Offer lapsedOn(LocalDate on) {
        return with(state.lapsedOn(on));
    }
}
