package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.partnerprogram.renewal.domain.Assessment;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.PartnerView;

/** Reads: a partner, the status of its offers as of a day (default today), and renewal history. */
@ApplicationScoped
public class CheckOffer {

    private final OfferStore store;
    private final RenewalRules rules;
    private final Access access;
    private final Today today;

    public CheckOffer(OfferStore store, RenewalRules rules, Access access, Today today) {
        this.store = store;
        this.rules = rules;
        this.access = access;
        this.today = today;
    }

    /** The day the answer is for: asOf previews any date, read-only (section 3). */
    public LocalDate asOf(LocalDate requested) {
        return requested != null ? requested : today.date();
    }

    /** D22: the partner as an operator described it; unknown (or another's) is a 404. */
    public Partner partner(Caller caller, String partnerId) {
        access.requireOwnPartnerUnlessOperator(caller, partnerId);
        return store.profile(partnerId).orElseThrow(() -> Problem.of(Problem.Kind.NOT_FOUND, "No such partner."));
    }

    public List<Assessment> offers(Caller caller, String partnerId, LocalDate asOf) {
        access.requireOwnPartnerUnlessOperator(caller, partnerId);
        PartnerView view = store.partner(partnerId);
        return view.offers().stream()
                .map(stored -> rules.assess(stored.offer(), view.partnerOr(partnerId), asOf))
                .sorted(Comparator.comparing(a -> a.offer().offerId()))
                .toList();
    }

    public Assessment offer(Caller caller, String partnerId, String offerId, LocalDate asOf) {
        access.requireOwnPartnerUnlessOperator(caller, partnerId);
        PartnerView view = store.partnerWithOffer(partnerId, offerId);
        return view.offer(offerId)
                .map(stored -> rules.assess(stored.offer(), view.partnerOr(partnerId), asOf))
                .orElseThrow(Problem::notFound);
    }

    /** Newest first; an unknown offer is a 404, an offer never renewed an empty list. */
    public List<Renewal> history(Caller caller, String partnerId, String offerId) {
        access.requireOwnPartnerUnlessOperator(caller, partnerId);
        List<Renewal> renewals = store.renewals(partnerId, offerId);
        if (renewals.isEmpty() && store.offer(partnerId, offerId).isEmpty()) {
            throw Problem.notFound();
        }
        return renewals;
    }
}
