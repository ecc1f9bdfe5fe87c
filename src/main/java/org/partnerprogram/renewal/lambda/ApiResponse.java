package org.partnerprogram.renewal.lambda;

import java.util.Map;

/** What a handler answers; written as an API Gateway payload 2.0 response. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), body);
    }
}
