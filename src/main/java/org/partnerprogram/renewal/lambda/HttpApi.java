package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import com.amazonaws.services.lambda.runtime.Context;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.partnerprogram.renewal.usecase.Problem;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The API Gateway edge shared by the API handlers: reads the payload 2.0 event, calls the route,
 * and writes the response. Problems the caller caused become 4xx problem+json; a store that stays
 * unreachable after the SDK's retries becomes a 503. Anything else is a real fault and fails the
 * invocation, so API Gateway answers 500 without internals.
 */
@ApplicationScoped
public class HttpApi {

    private static final Logger LOG = Logger.getLogger(HttpApi.class);
    public void serve(InputStream in, OutputStream out, Context context, Function<ApiRequest, ApiResponse> route)
            throws IOException {
        ApiResponse response;
        MDC.clear();
        if (context != null) {
            MDC.put("lambdaRequestId", context.getAwsRequestId());
        }
        try {
            ApiRequest request = parse(in.readAllBytes());
            logContext(request);
            response = route.apply(request);
        } catch (Problem problem) {
            response = Problems.response(problem);
            MDC.put("problem", problem.code());
        } catch (SdkException e) {
            if (!isTransient(e)) {
                throw e; // a bug, not an outage: fail the invocation (API Gateway answers 500)
            }
            LOG.errorf("DynamoDB unavailable after retries: %s", e.getMessage());
            response = Problems.response(Problem.of(Problem.Kind.SERVICE_UNAVAILABLE,
                    "The service could not reach its store; retry later."));
            MDC.put("problem", "service-unavailable");
        }
        LOG.infof("%s -> %d", MDC.get("route"), response.statusCode());
        MDC.clear();
        out.write(payload(response).getBytes(StandardCharsets.UTF_8));
    }

    /** The response as API Gateway reads it (payload format 2.0). */
    private static String payload(ApiResponse response) {
        return Json.object(json -> {
            json.writeNumberField("statusCode", response.statusCode());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringField("body", response.body());
            json.writeBooleanField("isBase64Encoded", false);
        });
    }

    /**
     * Who and what the request is about, for every log line of it (JSON logs carry the MDC):
     * request ids, route, partner and offer. Never the token or the body.
     */
    private static void logContext(ApiRequest request) {
        putIfPresent("apiRequestId", request.requestId());
        putIfPresent("route", request.routeKey());
        putIfPresent("partnerId", request.pathParameters().get("partnerId"));
        putIfPresent("offerId", request.pathParameters().get("offerId"));
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            // Values come from the caller: bounded, so a hostile id cannot flood the logs.
            MDC.put(key, value.length() > 140 ? value.substring(0, 140) + "…" : value);
        }
    }

    /** Throttling, 5xx and connection failures: what the SDK retried with backoff and still lost. */
    private static boolean isTransient(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    static ApiRequest parse(byte[] event) {
        JsonNode root;
        try {
            root = Json.tree(event);
        } catch (IOException e) {
            throw Problem.invalid("event", "is not an API Gateway event");
        }
        if (root == null || !root.isObject()) {
            throw Problem.invalid("event", "is not an API Gateway event");
        }
        JsonNode context = root.path("requestContext");
        return new ApiRequest(
                text(root.path("routeKey")),
                strings(root.path("pathParameters"), false),
                strings(root.path("queryStringParameters"), false),
                strings(root.path("headers"), true),
                text(root.path("body")),
                root.path("isBase64Encoded").asBoolean(false),
                text(context.path("requestId")),
                claims(context.path("authorizer").path("jwt").path("claims")));
    }

    private static Map<String, String> strings(JsonNode node, boolean lowerCaseKeys) {
        Map<String, String> values = new HashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    String key = lowerCaseKeys ? field.getKey().toLowerCase(Locale.ROOT) : field.getKey();
                    values.put(key, field.getValue().asText());
                }
            });
        }
        return values;
    }

    private static Map<String, JsonNode> claims(JsonNode node) {
        Map<String, JsonNode> claims = new HashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> claims.put(field.getKey(), field.getValue()));
        }
        return claims;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
