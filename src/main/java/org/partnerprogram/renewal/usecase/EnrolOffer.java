package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
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
     * Creates or replaces the offer. D17: an update replaces the fields; reminders and the lapse
     * mark are kept only while the AD stays the same, and the sweep's due date is recomputed.
     */
    public Offer enrolOffer(Caller caller, Offer update) {
        access.requireOperator(caller);
        Optional<StoredOffer> existing = store.offer(update.partnerId(), update.offerId());
        Optional<LocalDate> anniversary = existing.map(stored -> stored.offer().anniversaryDate());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Offer offer = existing.map(stored -> stored.offer().replacedBy(update)).orElse(update);
            try {
                store.saveOffer(offer, existing.map(StoredOffer::version).orElse(null), rules.nextDue(offer), today.now());
                return offer;
            } catch (ConcurrentChangeException e) {
                // The sweep or a renewal wrote in between: read again and merge onto what it wrote.
                existing = store.offer(update.partnerId(), update.offerId());
            }
            Optional<LocalDate> now = existing.map(stored -> stored.offer().anniversaryDate());
            if (!now.equals(anniversary)) {
                // A renewal moved the AD while this update was applied: replacing it now would undo
                // the renewal. Neither write is lost: the operator re-sends based on the new AD.
                throw Problem.of(Problem.Kind.OFFER_CHANGED, "The offer was renewed to %s while this update was applied; send the update again based on the current offer."
                        .formatted(now.map(LocalDate::toString).orElse("nothing")));
            }
        }
        throw Problem.of(Problem.Kind.SERVICE_UNAVAILABLE, "The offer kept changing during the update; retry.");
    }
}
