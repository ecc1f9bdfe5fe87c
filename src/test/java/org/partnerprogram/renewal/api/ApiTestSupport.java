package org.partnerprogram.renewal.api;

import static io.restassured.RestAssured.given;
import io.quarkus.test.common.QuarkusTestResource;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
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
public abstract class ApiTestSupport {

    @Inject
    protected LocalRun local;

    /** A partner id no other test uses. */
    public static String newPartner(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(local.apiPort());
    }

    public RequestSpecification as(String token) {
        return api().header("Authorization", "Bearer " + token);
    }

    public void today(String instant) {
        local.clock().pin(Instant.parse(instant));
    }

    @AfterEach
    void unpinClock() {
        local.clock().pin(null);
    }

    public void enrolPartner(String partnerId, boolean migrated) {
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + partnerId + " Ltd\",\"migratedToPartnerCenter\":" + migrated + "}")
                .put("/partners/{p}", partnerId).then().statusCode(200);
    }

    public void enrolOffer(String partnerId, String offerId, String type, String area, String anniversaryDate,
            boolean requirementsMet, String fee) {
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody(type, area, anniversaryDate, requirementsMet, fee))
                .put("/partners/{p}/offers/{o}", partnerId, offerId).then().statusCode(200);
    }

    /** A competency in Cloud Platform, fee 4730.00 USD. */
    public void enrolCompetency(String partnerId, String offerId, String anniversaryDate, boolean requirementsMet) {
        enrolOffer(partnerId, offerId, "COMPETENCY", "Cloud Platform", anniversaryDate, requirementsMet, "4730.00");
    }

    public static String offerBody(String type, String area, String anniversaryDate, boolean requirementsMet, String fee) {
        return """
                {"type":"%s","name":"Gold %s","area":"%s","anniversaryDate":"%s","requirementsMet":%s,
                 "renewalFee":{"amount":"%s","currency":"USD"}}""".formatted(type, area, area, anniversaryDate, requirementsMet, fee);
    }

    public static String payment(String amount, String currency) {
        return "{\"payment\":{\"reference\":\"pay-" + UUID.randomUUID() + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}";
    }

    /** Invokes the sweep function as EventBridge would, through the local Lambda Invoke API. */
    public Response invokeSweep(String time) {
        return api().body("{\"version\":\"0\",\"id\":\"e\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                        + "\"account\":\"1\",\"time\":\"" + time + "\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}")
                .post("/2015-03-31/functions/SweepFunction/invocations");
    }

    /** A sweep that must succeed. */
    public Response sweep(String time) {
        Response response = invokeSweep(time);
        response.then().statusCode(200).header("X-Amz-Function-Error", nullValue()).body("complete", equalTo(true));
        return response;
    }

    public Response renew(String partnerId, String offerId, String key, String body) {
        return renewing(partnerId, key).body(body).post("/partners/{p}/offers/{o}/renewals", partnerId, offerId);
    }

    public Response offer(String partnerId, String offerId) {
        return as(Tokens.partnerAdmin(partnerId)).get("/partners/{p}/offers/{o}", partnerId, offerId);
    }

    /**
     * Waits up to 20 seconds until the partner has {@code count} notifications recorded (the local
     * run hands the stream's records to notify every half second, and the record follows the send);
     * answers how many it has.
     */
    public int awaitNotifications(String partnerId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int recorded;
        while ((recorded = as(Tokens.operator()).get("/partners/{p}/notifications", partnerId).jsonPath()
                .getList("notifications").size()) < count && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            sleep(100);
        }
        return recorded;
    }

    /** Pauses this test, keeping an interrupt for the caller to see. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public RequestSpecification renewing(String partnerId, String key) {
        return as(Tokens.partnerAdmin(partnerId)).contentType(ContentType.JSON).header("Idempotency-Key", key);
    }
}
