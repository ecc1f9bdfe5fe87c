package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import org.partnerprogram.renewal.RenewalConfig;

/**
 * Who may do what (docs/rules.md section 3): partner admins act on their own partner only,
 * operators enrol and (D22) read every partner, but never renew. D14: 401/403 come first; a
 * partner other than the caller's is a 404, checked after the request has been validated, and
 * never reveals whether that partner exists.
 */
@ApplicationScoped
public class Access {

    private final RenewalConfig.Auth auth;

    public Access(RenewalConfig config) {
        this.auth = config.auth();
    }

    /** 401 without claims or without a partner; 403 without the partner admin role. */
    public void requirePartnerAdmin(Caller caller) {
        requireCaller(caller);
        if (!caller.roles().contains(auth.partnerAdminRole())) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "This route needs the " + auth.partnerAdminRole() + " role.");
        }
        if (caller.partnerId() == null) {
            throw Problem.of(Problem.Kind.UNAUTHENTICATED, "The token names no partner id (claim " + auth.partnerClaim()
                    + ": absent, or not 1 to 128 letters, digits, '.', '_' or '-').");
        }
    }

    /** D21, D22: the GET routes are open to a partner admin (of its own partner) and to operators. */
    public void requireReader(Caller caller) {
        requireCaller(caller);
        if (!isOperator(caller)) {
            requirePartnerAdmin(caller);
        }
    }

    public void requireOperator(Caller caller) {
        requireCaller(caller);
        if (!caller.roles().contains(auth.operatorRole())) {
            throw Problem.of(Problem.Kind.FORBIDDEN, "This route needs the " + auth.operatorRole() + " role.");
        }
    }

    /** D22: reads of a partner: the caller's own, or any partner for an operator. */
    public void requireOwnPartnerUnlessOperator(Caller caller, String partnerId) {
        if (!isOperator(caller)) {
            requireOwnPartner(caller, partnerId);
        }
    }

    /** BOLA guard for acting on a partner (renewing): the path's partner must be the caller's own. */
    public void requireOwnPartner(Caller caller, String partnerId) {
        if (!partnerId.equals(caller.partnerId())) {
            throw Problem.notFound();
        }
    }

    private boolean isOperator(Caller caller) {
        return caller != null && caller.roles().contains(auth.operatorRole());
    }

    private static void requireCaller(Caller caller) {
        if (caller == null) {
            throw Problem.of(Problem.Kind.UNAUTHENTICATED, "No usable identity: the request carries no authorizer claims.");
        }
    }
}
