package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An offer a partner holds, as stored now: the operator's fields plus what the sweep and
 * renewals recorded for the current anniversary date (reminders sent, lapse mark, exemption).
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
        Map<ReminderKind, LocalDate> remindersSent,
        LocalDate lapsedOn,
        LocalDate exemptUntil) {

    public Offer {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(anniversaryDate, "anniversaryDate");
        Objects.requireNonNull(renewalFee, "renewalFee");
        remindersSent = remindersSent.isEmpty() ? Map.of() : Map.copyOf(remindersSent);
    }

    /** A newly enrolled offer: nothing sent, not lapsed, no exemption yet. */
    public static Offer enrolled(String partnerId, String offerId, OfferType type, String name, String area,
            LocalDate anniversaryDate, boolean requirementsMet, Money renewalFee) {
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee,
                Map.of(), null, null);
    }

    /**
     * D17: an operator's update replaces the fields; what was recorded for the old AD (reminders,
     * lapse) only survives when the AD stays the same.
     */
    public Offer replacedBy(Offer update) {
        if (!update.anniversaryDate.equals(anniversaryDate)) {
            return update.withExemptUntil(exemptUntil);
        }
        return new Offer(partnerId, offerId, update.type, update.name, update.area, anniversaryDate,
                update.requirementsMet, update.renewalFee, remindersSent, lapsedOn, exemptUntil);
    }

    /** After a renewal: a new AD, nothing sent or lapsed for it yet (D3, D5, D9). */
    public Offer renewedTo(LocalDate newAnniversaryDate, LocalDate newExemptUntil) {
        return new Offer(partnerId, offerId, type, name, area, newAnniversaryDate, requirementsMet, renewalFee,
                Map.of(), null, newExemptUntil);
    }

    public Offer withReminderSent(ReminderKind kind, LocalDate on) {
        Map<ReminderKind, LocalDate> sent = new EnumMap<>(ReminderKind.class);
        sent.putAll(remindersSent);
        sent.put(kind, on);
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee,
                sent, lapsedOn, exemptUntil);
    }

    public Offer lapsedOn(LocalDate on) {
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee,
                remindersSent, on, exemptUntil);
    }

    private Offer withExemptUntil(LocalDate until) {
        return new Offer(partnerId, offerId, type, name, area, anniversaryDate, requirementsMet, renewalFee,
                remindersSent, lapsedOn, until);
    }
}
