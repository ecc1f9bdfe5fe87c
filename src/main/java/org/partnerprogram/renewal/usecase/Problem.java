package org.partnerprogram.renewal.usecase;

import java.util.List;
import java.util.Optional;
import org.partnerprogram.renewal.domain.Blocker;

/**
 * An error the caller can cause, typed: what the use cases (and the request parsing in front of
 * them) throw. Its kinds are HTTP concerns, so it lives here rather than in the domain, whose rule
 * refusals are {@link Blocker}s; one mapper at the edge ({@code lambda.Problems}) turns it into
 * problem+json; nothing else decides status codes. An invalid request names its field as data.
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
    private final String field;
    private final String reason;
    private final List<Blocker> blockers;

    private Problem(Kind kind, String field, String reason, List<Blocker> blockers) {
        super(field == null ? reason : field + ": " + reason, null, false, false);
        this.kind = kind;
        this.field = field;
        this.reason = reason;
        this.blockers = List.copyOf(blockers);
    }

    public static Problem of(Kind kind, String detail) {
        return new Problem(kind, null, detail, List.of());
    }

    /** The request's {@code field} is wrong; the detail reads "field: reason". */
    public static Problem invalid(String field, String reason) {
        return new Problem(Kind.INVALID_REQUEST, field, reason, List.of());
    }

    /**
     * The 404 of an unknown offer and of a partner other than the caller's: one answer, so it never
     * reveals which (section 3), nor whether that other partner exists.
     */
    public static Problem notFound() {
        return new Problem(Kind.NOT_FOUND, null, "No such partner or offer.", List.of());
    }

    public static Problem refused(List<Blocker> blockers) {
        return new Problem(Kind.RENEWAL_REFUSED, null, blockers.get(0).message(), blockers);
    }

    /** The same problem about another field (e.g. the import's column for an API field). */
    public Problem renamed(String newField) {
        return new Problem(kind, newField, reason, blockers);
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

    /** The field an invalid request got wrong (a body field, a path parameter, a header). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The detail without the field's name. */
    public String reason() {
        return reason;
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
