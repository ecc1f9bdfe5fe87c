package org.partnerprogram.renewal.domain;

import java.util.List;

/**
 * An error the caller can cause, typed. One mapper at the edge turns it into problem+json
 * (renewal-rules.md section 3); nothing else decides status codes.
 */
public final class Problem extends RuntimeException {

    public enum Kind {
        INVALID_REQUEST("invalid-request"),
        IDEMPOTENCY_KEY_MISSING("idempotency-key-missing"),
        UNAUTHENTICATED("unauthenticated"),
        FORBIDDEN("forbidden"),
        NOT_FOUND("not-found"),
        PAYMENT_REQUIRED("payment-required"),
        /** Refused by a rule: the code is that of the first blocker (D14). */
        RENEWAL_REFUSED(null),
        REQUEST_IN_PROGRESS("request-in-progress"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
        /** An operator update raced a renewal that moved the AD; re-send it (no lost update). */
        OFFER_CHANGED("offer-changed"),
        PAYLOAD_TOO_LARGE("payload-too-large"),
        /** The store could not be reached after retries: the only 5xx, and a safe one to retry. */
        SERVICE_UNAVAILABLE("service-unavailable");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private final Kind kind;
    private final List<Blocker> blockers;

    private Problem(Kind kind, String detail, List<Blocker> blockers) {
        super(detail, null, false, false);
        this.kind = kind;
        this.blockers = List.copyOf(blockers);
    }

    public static Problem of(Kind kind, String detail) {
        return new Problem(kind, detail, List.of());
    }

    public static Problem invalid(String field, String detail) {
        return new Problem(Kind.INVALID_REQUEST, field + ": " + detail, List.of());
    }

    public static Problem notFound() {
        return new Problem(Kind.NOT_FOUND, "No such offer for this partner.", List.of());
    }

    public static Problem refused(List<Blocker> blockers) {
        return new Problem(Kind.RENEWAL_REFUSED, blockers.get(0).message(), blockers);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code: for a refusal, the first blocker's (D14). */
    public String code() {
        return kind == Kind.RENEWAL_REFUSED ? blockers.get(0).code().code() : kind.code;
    }

    public String detail() {
        return getMessage();
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
