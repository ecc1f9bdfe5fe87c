package org.partnerprogram.renewal.store;

import org.partnerprogram.renewal.domain.Offer;

/** An offer with the version its item carries; every write is conditional on that version. */
public record StoredOffer(Offer offer, long version) {
}
