package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Guarantee: a retried renewal is answered, never applied twice (D16; RELIABILITY.md "Idempotency"). */
@QuarkusTest
class IdempotencyTest extends ReliabilityTestSupport {

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("idem");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        enrolCompetency(partner, "data-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
    }

    @Test
    void aReplayIsByteIdenticalAndWritesNothing() {
        Response first = renew(partner, "cloud-platform", "k-1", PAID);
        first.then().statusCode(201);
        FaultInjector.reset();
        Response replay = renew(partner, "cloud-platform", "k-1", PAID);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(FaultInjector.calls("TransactWriteItems")).isZero();
        assertThat(FaultInjector.calls("BatchGetItem")).isZero();
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).hasSize(1);
    }

    @Test
    void amountsThatAreNumericallyEqualAreTheSameRequest() {
        renew(partner, "cloud-platform", "k-num", PAID).then().statusCode(201);
        renew(partner, "cloud-platform", "k-num", "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"4730\",\"currency\":\"USD\"}}").then()
                .statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void theSameKeyForAnotherBodyIsRefused() {
        renew(partner, "cloud-platform", "k-2", PAID).then().statusCode(201);
        renew(partner, "cloud-platform", "k-2", "{\"payment\":{\"reference\":\"pay-2\",\"amount\":\"4730.00\",\"currency\":\"USD\"}}").then()
                .statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void theSameKeyForAnotherOfferIsRefused() {
        renew(partner, "cloud-platform", "k-3", PAID).then().statusCode(201);
        renew(partner, "data-platform", "k-3", PAID).then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        assertThat(records(partner, "data-platform", "RENEWAL#")).isEmpty();
    }

    @Test
    void aKeyStillInFlightIsAConflict() throws Exception {
        FaultInjector.hold("TransactWriteItems");
        Future<Response> first = inBackground(() -> renew(partner, "cloud-platform", "k-flight", PAID));
        FaultInjector.awaitHeld("TransactWriteItems");
        renew(partner, "cloud-platform", "k-flight", PAID).then()
                .statusCode(409).body("code", equalTo("request-in-progress"));
        FaultInjector.release("TransactWriteItems");
        first.get().then().statusCode(201);
        renew(partner, "cloud-platform", "k-flight", PAID).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void anotherPartnersKeyNeverReplaysThisPartnersResponse() {
        String other = newPartner("idem-other");
        enrolPartner(other, true);
        enrolCompetency(other, "cloud-platform", "2021-03-15", true);
        Response mine = renew(partner, "cloud-platform", "shared", PAID);
        Response theirs = renew(other, "cloud-platform", "shared", PAID);
        theirs.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("partnerId", equalTo(other));
        assertThat(theirs.asString()).isNotEqualTo(mine.asString());
    }

    @Test
    void recordsCarryATtlOf24HoursOfWallClockTime() {
        Instant before = Instant.now();
        renew(partner, "cloud-platform", "k-ttl", PAID).then().statusCode(201);
        long expiresAt = Long.parseLong(item("IDEMPOTENCY#" + partner + "#k-ttl", "IDEMPOTENCY").get("expiresAt").n());
        // D16: wall-clock time, not the service clock (pinned here to 2021).
        assertThat(expiresAt).isBetween(before.plusSeconds(24 * 3600).getEpochSecond(), Instant.now().plusSeconds(24 * 3600).getEpochSecond());
        today("2021-03-25T10:00:00Z");
        renew(partner, "cloud-platform", "k-ttl", PAID).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void anExpiredRecordNotYetDeletedByTtlFreesItsKey() {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        dynamo.putItem(b -> b.tableName(config.tableName()).item(Map.of(
                "PK", AttributeValue.fromS("IDEMPOTENCY#" + partner + "#k-expired"), "SK", AttributeValue.fromS("IDEMPOTENCY"),
                "state", AttributeValue.fromS("COMPLETE"), "token", AttributeValue.fromS("old"),
                "fingerprint", AttributeValue.fromS("another request"), "responseStatus", AttributeValue.fromN("201"),
                "responseBody", AttributeValue.fromS("{}"), "lockedUntil", AttributeValue.fromN(Long.toString(past)),
                "expiresAt", AttributeValue.fromN(Long.toString(past)))));
        renew(partner, "cloud-platform", "k-expired", PAID).then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aCrashAfterTheCommitIsAnsweredByTheRetry() {
        FaultInjector.failAfterCommit("TransactWriteItems");
        renew(partner, "cloud-platform", "k-crash", PAID).then().statusCode(503).body("code", equalTo("service-unavailable"));
        Response retry = renew(partner, "cloud-platform", "k-crash", PAID);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("newAnniversaryDate", equalTo("2022-03-15"));
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).hasSize(1);
    }

    @Test
    void anAbandonedClaimIsTakenOverOnceItsLockPasses() {
        dynamo.putItem(b -> b.tableName(config.tableName()).item(Map.of(
                "PK", AttributeValue.fromS("IDEMPOTENCY#" + partner + "#k-abandoned"), "SK", AttributeValue.fromS("IDEMPOTENCY"),
                "state", AttributeValue.fromS("IN_PROGRESS"), "token", AttributeValue.fromS("crashed"),
                "fingerprint", AttributeValue.fromS("whatever"),
                "lockedUntil", AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(1).getEpochSecond())),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())))));
        renew(partner, "cloud-platform", "k-abandoned", PAID).then().statusCode(201);
    }

    @Test
    void refusalsAreStoredAndReplayedButBadRequestsAreNot() {
        renew(partner, "cloud-platform", "k-refusal", "{}").then().statusCode(402);
        renew(partner, "cloud-platform", "k-refusal", "{}").then().statusCode(402).header("Idempotent-Replayed", "true");
        renew(partner, "cloud-platform", "k-400", "{\"payment\":7}").then().statusCode(400);
        assertThat(item("IDEMPOTENCY#" + partner + "#k-400", "IDEMPOTENCY")).isEmpty();
    }

    @Test
    void aRequestWhoseKeyWasTakenOverDuringItsCommitWritesNothingAndSaysItIsInProgress() throws Exception {
        FaultInjector.hold("TransactWriteItems");
        Future<Response> slow = inBackground(() -> renew(partner, "cloud-platform", "k-taken", PAID));
        FaultInjector.awaitHeld("TransactWriteItems");
        // The slow request's lock passed and a retry with the same key claimed it (a new token).
        dynamo.updateItem(b -> b.tableName(config.tableName())
                .key(Map.of("PK", AttributeValue.fromS("IDEMPOTENCY#" + partner + "#k-taken"), "SK", AttributeValue.fromS("IDEMPOTENCY")))
                .updateExpression("SET #token = :retry").expressionAttributeNames(Map.of("#token", "token"))
                .expressionAttributeValues(Map.of(":retry", AttributeValue.fromS("the-retry"))));
        FaultInjector.release("TransactWriteItems");
        slow.get().then().statusCode(409).body("code", equalTo("request-in-progress"));
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).isEmpty();
        assertThat(offerItem(partner, "cloud-platform").get("anniversaryDate").s()).isEqualTo("2021-03-15");
    }
}
