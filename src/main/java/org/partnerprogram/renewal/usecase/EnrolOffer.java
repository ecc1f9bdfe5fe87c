package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.partnerprogram.renewal.domain.AnniversaryState;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.store.ConcurrentChangeException;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.StoredOffer;

/** Operators describe partners and enrol or update their offers (D17). */
@ApplicationScoped
public class EnrolOffer {

    private static final int ATTEMPTS = 5;

    private final OfferStore store;
    private final RenewalRules rules;
    private final Access access;
    private final Today today;

    public EnrolOffer(OfferStore store, RenewalRules rules, Access access, Today today) {
        this.store = store;
        this.rules = rules;
        this.access = access;
        this.today = today;
    }

    public Partner enrolPartner(Caller caller, Partner partner) {
        access.requireOperator(caller);
        store.savePartner(partner, today.now());
        return partner;
    }

    /**
     * Creates or replaces the offer. D17: an update replaces the fields; for the same AD the
     * reminders and lapse mark are kept, for another AD they are what the table records for that
     * AD (none for an AD the offer never had), and the sweep's due date is recomputed.
     */
    public Offer enrolOffer(Caller caller, Offer update) {
        access.requireOperator(caller);
        Optional<StoredOffer> existing = store.offer(update.partnerId(), update.offerId());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Offer offer = existing.map(stored -> replace(stored.offer(), update)).orElse(update);
            try {
                store.saveOffer(offer, existing.map(StoredOffer::version).orElse(null), rules.nextDue(offer), today.now());
                return offer;
            } catch (ConcurrentChangeException e) {
                // Another write got there first: read again and apply the update onto what it wrote.
                Optional<StoredOffer> fresh = store.offer(update.partnerId(), update.offerId());
                requireNotRenewedMeanwhile(existing, fresh);
                existing = fresh;
            }
        }
        throw Problem.of(Problem.Kind.SERVICE_UNAVAILABLE, "The offer kept changing during the update; retry.");
    }

    private Offer replace(Offer current, Offer update) {
        if (update.anniversaryDate().equals(current.anniversaryDate())) {
            return current.replacedBy(update, AnniversaryState.NONE);
        }
        requireNotRenewed(update);
        return current.replacedBy(update, store.recordedFor(update.partnerId(), update.offerId(), update.anniversaryDate()));
    }

    /**
     * One renewal per offer and AD (its receipt too, D20): an AD that was renewed is over, so the
     * offer cannot be set back to it. Refused here, where the operator can correct it, rather than
     * left to show the partner a renewable offer whose renewal would then be refused.
     */
    private void requireNotRenewed(Offer update) {
        store.renewalOf(update.partnerId(), update.offerId(), update.anniversaryDate()).ifPresent(renewal -> {
            throw Problem.invalid("anniversaryDate", "%s was already renewed (renewal %s, to %s); an offer cannot go back to an anniversary it renewed"
                    .formatted(renewal.previousAnniversaryDate(), renewal.renewalId(), renewal.newAnniversaryDate()));
        });
    }

    /**
     * A renewal that moved the AD while this update was applied must not be undone by it; neither
     * write is lost: the operator re-sends based on the new AD. Another operator's update that moved
     * it, or created the offer, is no such case: this update replaces it, as it would a moment later.
     * An AD that was read and has a renewal now was renewed meanwhile: an offer never goes back to
     * an AD it renewed ({@link #requireNotRenewed}).
     */
    private void requireNotRenewedMeanwhile(Optional<StoredOffer> read, Optional<StoredOffer> now) {
        if (read.isEmpty()) {
            return;
        }
        Offer before = read.get().offer();
        Optional<LocalDate> after = now.map(stored -> stored.offer().anniversaryDate());
        if (!after.equals(Optional.of(before.anniversaryDate()))
                && store.renewalOf(before.partnerId(), before.offerId(), before.anniversaryDate()).isPresent()) {
            throw Problem.of(Problem.Kind.OFFER_CHANGED, "The offer was renewed to %s while this update was applied; send the update again based on the current offer."
                    .formatted(after.map(LocalDate::toString).orElse("nothing")));
        }
    }
}
