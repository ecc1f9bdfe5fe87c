package org.partnerprogram.renewal.domain;

/** The partner organisation; only the PMC migration flag matters to the rules (D8). */
public record Partner(String partnerId, String name, boolean migratedToPartnerCenter) {

    /** A partner an operator has not described yet: it cannot have migrated from PMC. */
    public static Partner notEnrolled(String partnerId) {
        return new Partner(partnerId, null, false);
    }
}
