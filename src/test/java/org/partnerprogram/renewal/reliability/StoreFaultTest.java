package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.reliability.FaultInjector.Fault;

/**
 * Guarantee: throttling and transient store errors are retried (the SDK's standard mode: 3
 * attempts, exponential backoff with jitter); when retries run out the caller gets a 503
 * problem+json and nothing half-done remains (RELIABILITY.md "DynamoDB faults").
 */
@QuarkusTest
class StoreFaultTest extends ReliabilityTestSupport {

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("faults");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        FaultInjector.reset();
    }

    @Test
    void throttledReadsAreRetriedUntilTheyPass() {
        FaultInjector.fail("BatchGetItem", Fault.THROTTLING, 0, 2);
        offer(partner, "cloud-platform").then().statusCode(200).body("status", equalTo("IN_RENEWAL_WINDOW"));
        assertThat(FaultInjector.calls("BatchGetItem")).isEqualTo(1);
        assertThat(FaultInjector.attempts("BatchGetItem")).isEqualTo(3);
    }

    @Test
    void keysABatchReadLeftUnprocessedAreAskedForAgainAndWhatCameBackIsKept() {
        // The profile stays unprocessed twice; the offer came back in the first answer.
        FaultInjector.leaveFirstKeyUnprocessed(2);
        offer(partner, "cloud-platform").then().statusCode(200).body("status", equalTo("IN_RENEWAL_WINDOW"));
        assertThat(FaultInjector.calls("BatchGetItem")).isEqualTo(3);
    }

    @Test
    void keysStillUnprocessedAfterEveryAttemptAre503() {
        FaultInjector.leaveFirstKeyUnprocessed(1000);
        offer(partner, "cloud-platform").then().statusCode(503).body("code", equalTo("service-unavailable"));
        assertThat(FaultInjector.calls("BatchGetItem")).as("attempts before giving up").isEqualTo(3);
    }

    @Test
    void aTransientServerErrorOnTheRenewalIsRetried() {
        FaultInjector.fail("TransactWriteItems", Fault.SERVER_ERROR, 0, 2);
        renew(partner, "cloud-platform", "k-5xx", PAID).then().statusCode(201);
        assertThat(FaultInjector.attempts("TransactWriteItems")).isEqualTo(3);
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).hasSize(1);
    }

    @Test
    void whenRetriesRunOutTheCallerGets503AndNothingIsHalfDone() {
        FaultInjector.fail("TransactWriteItems", Fault.THROTTLING, 0, 1000);
        renew(partner, "cloud-platform", "k-down", PAID).then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("service-unavailable"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        assertThat(FaultInjector.attempts("TransactWriteItems")).as("attempts before giving up").isEqualTo(3);
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).isEmpty();
        assertThat(offerItem(partner, "cloud-platform").get("anniversaryDate").s()).isEqualTo("2021-03-15");
        // The key was given back: the retry runs the renewal instead of replaying the 503.
        FaultInjector.reset();
        renew(partner, "cloud-platform", "k-down", PAID).then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aStoreThatCannotBeReadIs503ForAChecksToo() {
        FaultInjector.fail("BatchGetItem", Fault.SERVER_ERROR, 0, 1000);
        offer(partner, "cloud-platform").then().statusCode(503).body("code", equalTo("service-unavailable"));
    }

    @Test
    void anOperatorUpdateThatRunsOutOfRetriesChangesNothing() {
        FaultInjector.fail("PutItem", Fault.THROTTLING, 0, 1000);
        as(org.partnerprogram.renewal.api.Tokens.operator()).contentType(io.restassured.http.ContentType.JSON)
                .body(offerBody("COMPETENCY", "Renamed", "2021-03-15", true, "4730.00"))
                .put("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(503);
        assertThat(offerItem(partner, "cloud-platform").get("name").s()).isEqualTo("Gold Cloud Platform");
    }
}
