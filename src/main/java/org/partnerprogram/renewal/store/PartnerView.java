package org.partnerprogram.renewal.store;

import java.util.List;
import java.util.Optional;
import org.partnerprogram.renewal.domain.Partner;

/** A partner's profile (if an operator enrolled one) and offers, read in one Query. */
public record PartnerView(Optional<Partner> profile, List<StoredOffer> offers) {

    public Partner partnerOr(String partnerId) {
        return profile.orElseGet(() -> Partner.notEnrolled(partnerId));
    }

    public Optional<StoredOffer> offer(String offerId) {
        return offers.stream().filter(o -> o.offer().offerId().equals(offerId)).findFirst();
    }
}
