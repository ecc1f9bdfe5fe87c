package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the rules say about one offer on one day: the status answer of the API
 * ({@code OfferStatus} in the contract) before it is written as JSON.
 */
public record Assessment(
        Offer offer,
        Policy policy,
        LocalDate asOf,
        RenewalWindow window,
        OfferStatus status,
        List<Blocker> blockers,
        Exemption exemption,
        List<Reminder> reminders) {

    public Assessment {
        blockers = List.copyOf(blockers);
        reminders = List.copyOf(reminders);
    }

    /** D4: benefits continue through the window and stop when the offer lapses. */
    public boolean benefitsActive() {
        return status != OfferStatus.LAPSED;
    }

    /** D2: the days on which the offer can still be renewed, {@code asOf} included. */
    public int daysLeftToRenew() {
        return window.daysLeftToRenewOn(asOf);
    }

    /** Renewable today if nothing but the payment stands in the way. */
    public boolean renewable() {
        return blockers.isEmpty();
    }
}
