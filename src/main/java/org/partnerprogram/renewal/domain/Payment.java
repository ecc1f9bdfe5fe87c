package org.partnerprogram.renewal.domain;

import java.util.Objects;

/** What the caller paid to renew (D10): an external payment reference and the amount. */
public record Payment(String reference, Money money) {
    public Payment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(money, "money");
    }
}
