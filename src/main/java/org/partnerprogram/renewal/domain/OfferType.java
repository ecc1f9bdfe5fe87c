package org.partnerprogram.renewal.domain;

/** What a partner holds: a competency in an area, or an advanced specialization. */
public enum OfferType {
    COMPETENCY,
    ADVANCED_SPECIALIZATION
}
