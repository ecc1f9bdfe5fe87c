package org.partnerprogram.renewal.domain;

import java.util.Objects;

/** A person who receives the partner's notifications (D18); {@code name} may be null. */
public record Contact(String email, String name) {

    public Contact {
        Objects.requireNonNull(email, "email");
    }
}
