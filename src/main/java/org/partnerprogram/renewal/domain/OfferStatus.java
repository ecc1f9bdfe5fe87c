package org.partnerprogram.renewal.domain;

/** Where an offer stands on a given day (D1, D2, D4). */
public enum OfferStatus {
    /** On or before the AD: the window is not open yet. */
    ACTIVE,
    /** AD + opensAfterDays .. AD + closesAfterDays: renewable, benefits continue. */
    IN_RENEWAL_WINDOW,
    /** After the window: benefits lost, renewal refused. */
    LAPSED
}
