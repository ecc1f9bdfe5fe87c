package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.usecase.Caller;

/**
 * Reads the caller from the JWT authorizer's claims, and from nothing else. Claim names are
 * configuration. API Gateway passes an array claim flattened as "[a b]"; a direct invocation may
 * pass a real array: both are accepted.
 */
@ApplicationScoped
public class Identity {

    private final RenewalConfig.Auth auth;

    public Identity(RenewalConfig config) {
        this.auth = config.auth();
    }

    /**
     * The caller, or null when the claims name neither a partner nor a role: nothing usable, a 401
     * (a subject alone grants nothing). A partner claim that cannot be a partner id names no
     * partner: a partner admin's token carrying one is a 401, as one without the claim.
     */
    public Caller caller(ApiRequest request) {
        Map<String, JsonNode> claims = request.claims();
        String partnerId = text(claims.get(auth.partnerClaim()));
        if (partnerId != null && !Requests.isId(partnerId)) {
            partnerId = null;
        }
        Set<String> roles = roles(claims.get(auth.rolesClaim()));
        if (partnerId == null && roles.isEmpty()) {
            return null;
        }
        return new Caller(text(claims.get("sub")), partnerId, roles);
    }

    static Set<String> roles(JsonNode claim) {
        Set<String> roles = new HashSet<>();
        if (claim == null) {
            return roles;
        }
        if (claim.isArray()) {
            for (JsonNode role : claim) {
                if (role.isTextual() && !role.asText().isBlank()) {
                    roles.add(role.asText().strip());
                }
            }
            return roles;
        }
        if (claim.isTextual()) {
            String flat = claim.asText().strip();
            if (flat.startsWith("[") && flat.endsWith("]")) {
                flat = flat.substring(1, flat.length() - 1);
            }
            for (String role : flat.split("[\\s,]+")) {
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
