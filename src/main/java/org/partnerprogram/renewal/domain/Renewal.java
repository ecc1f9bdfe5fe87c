package org.partnerprogram.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A renewal as recorded: the contract's {@code Renewal} plus the audit trail (who, when, which
 * request). {@code payment} is null for a zero fee.
 */
public record Renewal(
        String renewalId,
        String partnerId,
        String offerId,
        LocalDate previousAnniversaryDate,
        LocalDate newAnniversaryDate,
        LocalDate renewedOn,
        Exemption exemption,
        Payment payment,
        String policy,
        Audit audit) {

    /** Who renewed (from the authorizer's claims), when, and through which request. */
    public record Audit(String renewedBy, Instant renewedAt, String requestId) {
    }
}
