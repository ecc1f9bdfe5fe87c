package org.partnerprogram.renewal.lambda;

import java.util.Map;
import org.partnerprogram.renewal.usecase.Problem;

/** The one place that turns a typed {@link Problem} into RFC 9457 problem+json (section 3). */
public final class Problems {

    /** The {@code type} URI ends in the code. */
    static final String TYPE_BASE = "https://partner-renewals.example.com/problems/";

    private Problems() {
    }

    public static int status(Problem.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST, IDEMPOTENCY_KEY_MISSING -> 400;
            case UNAUTHENTICATED -> 401;
            case PAYMENT_REQUIRED -> 402;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case RENEWAL_REFUSED, REQUEST_IN_PROGRESS, OFFER_CHANGED -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case IDEMPOTENCY_KEY_REUSED -> 422;
            case SERVICE_UNAVAILABLE -> 503;
        };
    }

    private static String title(Problem.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "The request is not valid";
            case IDEMPOTENCY_KEY_MISSING -> "An Idempotency-Key header is required";
            case UNAUTHENTICATED -> "Authentication required";
            case PAYMENT_REQUIRED -> "Payment required";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case RENEWAL_REFUSED -> "Renewal refused";
            case REQUEST_IN_PROGRESS -> "A request with this key is in progress";
            case PAYLOAD_TOO_LARGE -> "The body is too large";
            case OFFER_CHANGED -> "The offer changed during the update";
            case IDEMPOTENCY_KEY_REUSED -> "Idempotency-Key reused for another request";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
        };
    }

    /** The problem document: type, title, status, detail, code, and for a refusal every blocker. */
    public static String body(Problem problem) {
        return Json.object(json -> {
            json.writeStringField("type", TYPE_BASE + problem.code());
            json.writeStringField("title", title(problem.kind()));
            json.writeNumberField("status", status(problem.kind()));
            json.writeStringField("detail", problem.detail());
            json.writeStringField("code", problem.code());
            if (!problem.blockers().isEmpty()) {
                json.writeObjectField("blockers", Views.blockers(problem.blockers()));
            }
        });
    }

    public static ApiResponse response(Problem problem) {
        return new ApiResponse(status(problem.kind()), Map.of("Content-Type", ApiResponse.PROBLEM_JSON), body(problem));
    }

}
