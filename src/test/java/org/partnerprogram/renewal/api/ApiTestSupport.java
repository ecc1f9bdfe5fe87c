package org.partnerprogram.renewal.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.local.LocalRun;

/**
 * Tests go through the local API (the routes of template.yaml) into the same handler entry points
 * Lambda calls, against DynamoDB Local in this JVM. Each test works on partners of its own.
 */
@QuarkusTestResource(FreeDynamoPort.class)
abstract class ApiTestSupport {

    @Inject
    LocalRun local;

    /** A partner id no other test uses. */
    static String newPartner(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(local.apiPort());
    }

    RequestSpecification as(String token) {
        return api().header("Authorization", "Bearer " + token);
    }

    void today(String instant) {
        local.clock().pin(Instant.parse(instant));
    }

    @AfterEach
    void unpinClock() {
        local.clock().pin(null);
    }

    void enrolPartner(String partnerId, boolean migrated) {
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + partnerId + " Ltd\",\"migratedToPartnerCenter\":" + migrated + "}")
                .put("/partners/{p}", partnerId).then().statusCode(200);
    }

    void enrolOffer(String partnerId, String offerId, String type, String area, String anniversaryDate,
            boolean requirementsMet, String fee) {
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody(type, area, anniversaryDate, requirementsMet, fee))
                .put("/partners/{p}/offers/{o}", partnerId, offerId).then().statusCode(200);
    }

    /** A competency in Cloud Platform, fee 4730.00 USD. */
    void enrolCompetency(String partnerId, String offerId, String anniversaryDate, boolean requirementsMet) {
        enrolOffer(partnerId, offerId, "COMPETENCY", "Cloud Platform", anniversaryDate, requirementsMet, "4730.00");
    }

    static String offerBody(String type, String area, String anniversaryDate, boolean requirementsMet, String fee) {
        return """
                {"type":"%s","name":"Gold %s","area":"%s","anniversaryDate":"%s","requirementsMet":%s,
                 "renewalFee":{"amount":"%s","currency":"USD"}}""".formatted(type, area, area, anniversaryDate, requirementsMet, fee);
    }

    static String payment(String amount, String currency) {
        return "{\"payment\":{\"reference\":\"pay-" + UUID.randomUUID() + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}";
    }

    RequestSpecification renewing(String partnerId, String key) {
        return as(Tokens.partnerAdmin(partnerId)).contentType(ContentType.JSON).header("Idempotency-Key", key);
    }
}
