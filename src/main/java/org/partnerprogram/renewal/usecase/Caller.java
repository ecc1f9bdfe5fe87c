package org.partnerprogram.renewal.usecase;

import java.util.Set;

/**
 * Who is calling, taken only from the authorizer's claims: the subject, the partner the caller
 * administers (null for an operator) and the roles.
 */
public record Caller(String subject, String partnerId, Set<String> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }
}
