package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event the handlers use. Header names
 * are lower case, as API Gateway delivers them; {@code claims} holds the JWT authorizer's claims.
 */
public record ApiRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        String requestId,
        Map<String, JsonNode> claims) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
