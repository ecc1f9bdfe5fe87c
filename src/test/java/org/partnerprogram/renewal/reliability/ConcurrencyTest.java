package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Guarantee: one renewal per window, whatever races it (RELIABILITY.md, "Concurrency"). */
@QuarkusTest
class ConcurrencyTest extends ReliabilityTestSupport {

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("race");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
    }

    /** An operator's PUT of this partner's competency (met, fee 4730.00) with this name and AD. */
    Response operatorPuts(String offer, String name, String anniversaryDate) {
        return as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", name, anniversaryDate, true, "4730.00"))
                .put("/partners/{p}/offers/{o}", partner, offer);
    }

    @Test
    void fiftyConcurrentRenewalsWithDifferentKeysRenewOnce() throws Exception {
        today("2021-03-20T10:00:00Z");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "race-" + i;
            calls.add(() -> renew(partner, "cloud-platform", key, PAID).statusCode());
        }
        List<Integer> statuses = concurrently(calls);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).hasSize(1);
        assertThat(offerItem(partner, "cloud-platform").get("anniversaryDate").s()).isEqualTo("2022-03-15");
    }

    @Test
    void anOperatorUpdateDuringARenewalIsNotLost() throws Exception {
        today("2021-03-20T10:00:00Z");
        FaultInjector.hold("TransactWriteItems");
        Future<Response> renewal = inBackground(() -> renew(partner, "cloud-platform", "k-op", PAID));
        FaultInjector.awaitHeld("TransactWriteItems");
        operatorPuts("cloud-platform", "Cloud Platform Renamed", "2021-03-15").then().statusCode(200);
        FaultInjector.release("TransactWriteItems");
        renewal.get().then().statusCode(201);
        Map<String, AttributeValue> offer = offerItem(partner, "cloud-platform");
        assertThat(offer.get("name").s()).isEqualTo("Gold Cloud Platform Renamed");
        assertThat(offer.get("anniversaryDate").s()).isEqualTo("2022-03-15");
    }

    @Test
    void aRenewalDuringAnOperatorUpdateIsNotUndone() throws Exception {
        today("2021-03-20T10:00:00Z");
        FaultInjector.hold("PutItem");
        Future<Response> update = inBackground(() -> operatorPuts("cloud-platform", "Cloud Platform Renamed", "2021-03-15"));
        FaultInjector.awaitHeld("PutItem");
        renew(partner, "cloud-platform", "k-during-update", PAID).then().statusCode(201);
        FaultInjector.release("PutItem");
        update.get().then().statusCode(409).body("code", equalTo("offer-changed"));
        Map<String, AttributeValue> offer = offerItem(partner, "cloud-platform");
        assertThat(offer.get("anniversaryDate").s()).isEqualTo("2022-03-15");
        assertThat(offer.get("name").s()).isEqualTo("Gold Cloud Platform");
    }

    @Test
    void aRenewalRacingTheLapseOnDayThirtyWinsAndClearsTheLapse() throws Exception {
        sweep("2021-04-14T00:15:00Z");
        today("2021-04-14T23:00:00Z");
        FaultInjector.hold("TransactWriteItems");
        Future<Response> renewal = inBackground(() -> renew(partner, "cloud-platform", "k-lapse-race", PAID));
        FaultInjector.awaitHeld("TransactWriteItems");
        sweep("2021-04-15T00:15:00Z");
        assertThat(offerItem(partner, "cloud-platform").get("lapsedOn").s()).isEqualTo("2021-04-15");
        FaultInjector.release("TransactWriteItems");
        renewal.get().then().statusCode(201);
        Map<String, AttributeValue> offer = offerItem(partner, "cloud-platform");
        assertThat(offer.get("anniversaryDate").s()).isEqualTo("2022-03-15");
        assertThat(offer).doesNotContainKey("lapsedOn");
    }

    /**
     * Day 30 is the last day of the window: a renewal on it and the sweep of day 31 (which lapses
     * the offer) start together, several times over. Whichever lands first, the offer ends renewed
     * and not lapsed, with one history record: never both renewed and lapsed, never lapsed with
     * the renewal answered 201.
     */
    @Test
    void aRenewalOnTheLastDayRacingTheLapseIsNeverBothRenewedAndLapsed() throws Exception {
        today("2021-04-14T23:59:00Z");
        for (int round = 0; round < 6; round++) {
            String offer = "last-day-" + round;
            String key = "k-last-" + round;
            enrolCompetency(partner, offer, "2021-03-15", true);
            List<Callable<Response>> calls = List.of(
                    () -> renew(partner, offer, key, PAID),
                    () -> sweep("2021-04-15T00:15:00Z"));
            List<Response> results = concurrently(calls);
            results.get(0).then().statusCode(201);
            Map<String, AttributeValue> item = offerItem(partner, offer);
            assertThat(item.get("anniversaryDate").s()).as("round " + round).isEqualTo("2022-03-15");
            assertThat(item).as("round " + round).doesNotContainKey("lapsedOn");
            assertThat(records(partner, offer, "RENEWAL#")).as("round " + round).hasSize(1);
        }
    }

    @Test
    void aRenewalOnDayThirtyOneIsRefusedAndTheOfferLapses() throws Exception {
        today("2021-04-15T00:10:00Z");
        sweep("2021-04-15T00:15:00Z");
        renew(partner, "cloud-platform", "k-31", PAID).then().statusCode(409).body("code", equalTo("renewal-window-closed"));
        Map<String, AttributeValue> offer = offerItem(partner, "cloud-platform");
        assertThat(offer.get("anniversaryDate").s()).isEqualTo("2021-03-15");
        assertThat(offer.get("lapsedOn").s()).isEqualTo("2021-04-15");
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).isEmpty();
    }

    /**
     * Two operators' PUTs of one offer at once: the first is held at its write while the second is
     * written (200); answers the first, which then writes last.
     */
    Response firstOfTwoOperatorsAtOnce(String offer, String firstName, String firstAd, String secondName, String secondAd)
            throws Exception {
        FaultInjector.hold("PutItem");
        Future<Response> first = inBackground(() -> operatorPuts(offer, firstName, firstAd));
        FaultInjector.awaitHeld("PutItem");
        operatorPuts(offer, secondName, secondAd).then().statusCode(200);
        FaultInjector.release("PutItem");
        return first.get();
    }

    @Test
    void twoOperatorsCreatingTheSameOfferAtOnceAreBothAnsweredAndTheLastOneWins() throws Exception {
        firstOfTwoOperatorsAtOnce("data-analytics", "Data Analytics First", "2021-06-15", "Data Analytics Second", "2021-06-15")
                .then().statusCode(200);
        Map<String, AttributeValue> offer = offerItem(partner, "data-analytics");
        assertThat(offer.get("name").s()).isEqualTo("Gold Data Analytics First");
        assertThat(offer.get("version").n()).isEqualTo("2");
    }

    /** D17: an update replaces the offer; another operator's move of the AD meanwhile is no renewal to protect. */
    @Test
    void twoOperatorsMovingTheSameOfferAtOnceAreBothAnsweredAndTheLastOneWins() throws Exception {
        firstOfTwoOperatorsAtOnce("cloud-platform", "Cloud Platform", "2021-04-01", "Cloud Platform", "2021-05-01")
                .then().statusCode(200).body("anniversaryDate", equalTo("2021-04-01"));
        assertThat(offerItem(partner, "cloud-platform").get("anniversaryDate").s()).isEqualTo("2021-04-01");
        assertThat(records(partner, "cloud-platform", "RENEWAL#")).isEmpty();
    }
}
