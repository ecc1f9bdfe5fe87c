package org.partnerprogram.renewal.domain;

import java.util.List;
import java.util.Objects;

/**
 * The partner organisation: the PMC migration flag matters to the rules (D8); contacts and
 * language say who is notified and how (D18).
 */
public record Partner(String partnerId, String name, boolean migratedToPartnerCenter, List<Contact> contacts,
        Language language) {

    public Partner {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(language, "language");
    }

    /** A partner without contacts, in English. */
    public Partner(String partnerId, String name, boolean migratedToPartnerCenter) {
        this(partnerId, name, migratedToPartnerCenter, List.of(), Language.EN);
    }

    /** A partner an operator has not described yet: it cannot have migrated from PMC, nobody is notified. */
    public static Partner notEnrolled(String partnerId) {
        return new Partner(partnerId, null, false);
    }
}
