package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.lambda.Json;
import org.partnerprogram.renewal.lambda.RenewHandler;

/**
 * Guarantee: bad input gets a 4xx problem+json that names the problem, never a 5xx or a stack
 * trace, and nothing is stored (RELIABILITY.md "Bad input").
 */
@QuarkusTest
class BadInputTest extends ReliabilityTestSupport {

    static final String OFFER = "{\"type\":\"COMPETENCY\",\"name\":\"n\",\"area\":\"a\",\"anniversaryDate\":\"%s\","
            + "\"requirementsMet\":%s,\"renewalFee\":{\"amount\":%s,\"currency\":%s}}";

    String partner;

    @Inject
    RenewHandler renewFunction;

    @BeforeEach
    void enrol() {
        partner = newPartner("input");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        FaultInjector.reset();
    }

    void assertRefused(Response response, int status, String code, String named) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", containsString(named))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        assertThat(writes()).as("writes to the store").isZero();
    }

    @ParameterizedTest(name = "renew body {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{                                                                          | body",
        "[1,2]                                                                      | body",
        "{\"payment\":\"4730\"}                                                     | payment",
        "{\"payment\":{\"reference\":\"r\",\"amount\":4730,\"currency\":\"USD\"}}   | payment.amount",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"-1\",\"currency\":\"USD\"}} | payment.amount",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"1e3\",\"currency\":\"USD\"}} | payment.amount",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"12.\",\"currency\":\"USD\"}} | payment.amount",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"1\",\"currency\":\"usd\"}}   | payment.currency",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"1\",\"currency\":\"US\"}}    | payment.currency",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"1\",\"currency\":\"XYZ\"}}   | payment.currency",
        "{\"payment\":{\"reference\":\"\",\"amount\":\"1\",\"currency\":\"USD\"}}    | payment.reference",
        "{\"payment\":{\"amount\":\"1\",\"currency\":\"USD\"}}                      | payment.reference",
        "{\"payment\":{\"reference\":\"r\",\"amount\":\"1\",\"currency\":\"USD\",\"fee\":1}} | payment.fee",
        "{\"unknown\":true}                                                         | unknown",
    })
    void badRenewBodies(String body, String named) {
        assertRefused(renew(partner, "cloud-platform", "k-" + body.hashCode(), body), 400, "invalid-request", named);
    }

    @ParameterizedTest(name = "offer with {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "2021-02-30 | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "2021-13-01 | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "21-03-15   | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "9999-12-31 | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "0000-06-01 | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "1899-12-31 | true   | \"1.00\" | \"USD\" | anniversaryDate",
        "2021-03-15 | \"yes\" | \"1.00\" | \"USD\" | requirementsMet",
        "2021-03-15 | true   | 1.00     | \"USD\" | renewalFee.amount",
        "2021-03-15 | true   | \"-5\"   | \"USD\" | renewalFee.amount",
        "2021-03-15 | true   | \"1.00\" | \"EURO\" | renewalFee.currency",
        "2021-03-15 | true   | \"1.00\" | \"ABC\"  | renewalFee.currency",
        "2021-03-15 | true   | \"1.00\" | null   | renewalFee.currency",
    })
    void badOfferBodies(String date, String met, String amount, String currency, String named) {
        Response response = as(Tokens.operator()).contentType(ContentType.JSON)
                .body(OFFER.formatted(date, met, amount, currency)).put("/partners/{p}/offers/{o}", partner, "new-offer");
        assertRefused(response, 400, "invalid-request", named);
    }

    @ParameterizedTest(name = "offer id {0} is refused")
    @CsvSource({"bad%2Fid", "..", "a%20b", "%C3%A9t%C3%A9", "-leading-dash"})
    void idsOutsideTheAllowedSet(String id) {
        Response response = as(Tokens.partnerAdmin(partner)).urlEncodingEnabled(false).get("/partners/" + partner + "/offers/" + id);
        assertRefused(response, 400, "invalid-request", "offerId");
    }

    @org.junit.jupiter.api.Test
    void anIdOver128CharactersIsRefused() {
        assertRefused(as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "a".repeat(129)),
                400, "invalid-request", "offerId");
    }

    @org.junit.jupiter.api.Test
    void aBodyOver16KiBIsRefused() {
        String body = "{\"payment\":{\"reference\":\"" + "r".repeat(16 * 1024) + "\",\"amount\":\"1\",\"currency\":\"USD\"}}";
        assertRefused(renew(partner, "cloud-platform", "k-big", body), 413, "payload-too-large", "16384");
    }

    @org.junit.jupiter.api.Test
    void aBodyOverAMebibyteIsStillTooLargeNotAMalformedEvent() {
        String body = "{\"payment\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertRefused(renew(partner, "cloud-platform", "k-huge", body), 413, "payload-too-large", "16384");
        api().header("Idempotency-Key", "k-huge").contentType(ContentType.JSON).body(body)
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @org.junit.jupiter.api.Test
    void aBodyThatIsNotUtf8IsRefusedNotStoredWithReplacementCharacters() {
        byte[] body = "{\"name\":\"X\u00c3\",\"migratedToPartnerCenter\":true}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response response = as(Tokens.operator()).contentType(ContentType.JSON).body(body).put("/partners/{p}", partner);
        assertRefused(response, 400, "invalid-request", "body");
    }

    @ParameterizedTest(name = "partner name {0} is refused")
    @ValueSource(strings = {"\\ud800", "x\\udfff", "\\u00a0", "\\ufeff", "\\u3000 \\u2028"})
    void aNameOfLoneSurrogatesOrOnlySpacesIsRefused(String name) {
        Response response = as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"migratedToPartnerCenter\":true}").put("/partners/{p}", partner);
        assertRefused(response, 400, "invalid-request", "name");
    }

    @org.junit.jupiter.api.Test
    void aFormBodyIsRefusedAsNotJson() {
        Response response = as(Tokens.partnerAdmin(partner)).header("Idempotency-Key", "k-form")
                .contentType("application/x-www-form-urlencoded").body("payment=4730")
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform");
        assertRefused(response, 400, "invalid-request", "body");
    }

    @org.junit.jupiter.api.Test
    void anIdempotencyKeyWithASpaceIsRefused() {
        Response response = as(Tokens.partnerAdmin(partner)).header("Idempotency-Key", "a b")
                .contentType(ContentType.JSON).body(PAID).post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform");
        assertRefused(response, 400, "invalid-request", "Idempotency-Key");
    }

    /**
     * An HTTP client will not send most control characters in a header; a direct invocation or a
     * lenient proxy can. So the event goes to the function's entry point, as Lambda calls it.
     */
    @ParameterizedTest(name = "an Idempotency-Key with U+{0} is refused")
    @ValueSource(strings = {"0000", "0001", "0007", "0009", "000A", "000D", "001B", "001F", "007F", "0085"})
    void anIdempotencyKeyWithControlCharactersIsRefused(String codePoint) throws Exception {
        String key = "k-" + (char) Integer.parseInt(codePoint, 16) + "-ctl";
        ObjectNode event = Json.MAPPER.createObjectNode()
                .put("version", "2.0").put("routeKey", "POST /partners/{partnerId}/offers/{offerId}/renewals")
                .put("body", PAID).put("isBase64Encoded", false);
        event.putObject("pathParameters").put("partnerId", partner).put("offerId", "cloud-platform");
        event.putObject("headers").put("content-type", "application/json").put("idempotency-key", key);
        event.putObject("requestContext").put("requestId", "ctl-" + codePoint).putObject("authorizer").putObject("jwt")
                .putObject("claims").put("sub", "u").put("partner_id", partner).put("roles", "[mpn-partner-admin]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renewFunction.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), out, null);
        JsonNode answer = Json.MAPPER.readTree(out.toByteArray());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        JsonNode problem = Json.MAPPER.readTree(answer.path("body").asText());
        assertThat(problem.path("code").asText()).isEqualTo("invalid-request");
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key");
        assertThat(writes()).as("writes to the store").isZero();
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).isEmpty();
    }
}
