package org.partnerprogram.renewal.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency. Amounts compare numerically: 4730 equals 4730.00 (D15). */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Same value and exactly the same (upper-case) currency code. */
    public boolean matches(Money other) {
        return other != null && amount.compareTo(other.amount) == 0 && currency.equals(other.currency);
    }

    /** The amount as a decimal string, e.g. "4730.00", as the API writes it. */
    public String amountText() {
        return amount.toPlainString();
    }
}
