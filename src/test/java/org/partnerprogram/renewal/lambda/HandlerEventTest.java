package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;

/** The check handler called directly with API Gateway events, as the Lambda runtime calls it. */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
class HandlerEventTest {

    @Inject
    CheckHandler check;

    JsonNode invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        check.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    static String event(String claims) {
        return """
                {"version":"2.0","routeKey":"GET /partners/{partnerId}/offers","rawPath":"/partners/p-1/offers",
                 "pathParameters":{"partnerId":"p-1"},"headers":{},
                 "requestContext":{"requestId":"r-1","authorizer":{"jwt":{"claims":%s}}},"isBase64Encoded":false}"""
                .formatted(claims);
    }

    @Test
    void rolesAreAcceptedAsAnArrayClaim() throws Exception {
        JsonNode response = invoke(event("{\"partner_id\":\"p-1\",\"roles\":[\"reader\",\"mpn-partner-admin\"]}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void rolesAreAcceptedInApiGatewaysFlattenedForm() throws Exception {
        JsonNode response = invoke(event("{\"partner_id\":\"p-1\",\"roles\":\"[mpn-partner-admin reader]\"}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(invoke(event("{\"partner_id\":\"p-1\",\"roles\":\"[reader]\"}")).path("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void anEventWithoutClaimsIsUnauthenticated() throws Exception {
        JsonNode response = invoke(event("{}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/problem+json");
    }

    @Test
    void somethingThatIsNotAnEventIsABadRequestWithoutInternals() throws Exception {
        for (String garbage : new String[] {"", "[]", "42", "{\"routeKey\":7}", "\u0000\u00ff"}) {
            JsonNode response = invoke(garbage);
            assertThat(response.path("statusCode").asInt()).as(garbage).isBetween(400, 499);
            assertThat(response.path("body").asText()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void aClaimGivenTwiceIsABadRequestNotEitherPartner() throws Exception {
        JsonNode response = invoke(event("{\"partner_id\":\"p-2\",\"partner_id\":\"p-1\",\"roles\":\"[mpn-partner-admin]\"}"));
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText()).contains("invalid-request");
    }
}
