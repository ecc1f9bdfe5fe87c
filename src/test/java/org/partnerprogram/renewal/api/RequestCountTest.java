package org.partnerprogram.renewal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.WorkCounter;

/**
 * What one API call asks of DynamoDB, counted in the SDK: a check is one read (the profile and the
 * offer by key in one BatchGetItem), a list one Query, a renewal one read,
 * the idempotency claim and one transaction. A change that adds a round trip fails here. The local
 * stream's notify deliveries use the same client: paused, as their requests are not the call's.
 */
@QuarkusTest
class RequestCountTest extends ApiTestSupport implements NotificationsPaused {

    static final String PAID = "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"4730.00\",\"currency\":\"USD\"}}";

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("count");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        WorkCounter.reset();
    }

    @Test
    void checkingAnOfferReadsItAndItsPartnerInOneRequest() {
        enrolCompetency(partner, "data-platform", "2021-03-15", true);
        WorkCounter.reset();
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200);
        assertThat(WorkCounter.operations()).containsExactly("BatchGetItem");
        assertThat(WorkCounter.requests()).isEqualTo(1);
        assertThat(WorkCounter.itemsRead()).as("the profile and the offer, no other").isEqualTo(2);
    }

    @Test
    void listingAPartnersOffersIsOneQuery() {
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers", partner).then().statusCode(200);
        assertThat(WorkCounter.operations()).containsExactly("Query");
        assertThat(WorkCounter.requests()).isEqualTo(1);
    }

    @Test
    void renewingIsOneReadTheKeyClaimAndOneTransaction() {
        renew(partner, "cloud-platform", "k-count", PAID).then().statusCode(201);
        assertThat(WorkCounter.requests("BatchGetItem")).as("one read: the profile and the offer").isEqualTo(1);
        assertThat(WorkCounter.requests("PutItem")).as("idempotency claim").isEqualTo(1);
        assertThat(WorkCounter.requests("TransactWriteItems")).as("offer + history + key completion").isEqualTo(1);
        assertThat(WorkCounter.requests()).isEqualTo(3);
    }

    @Test
    void aReplayedRenewalIsOneRequest() {
        renew(partner, "cloud-platform", "k-replay", PAID).then().statusCode(201);
        WorkCounter.reset();
        renew(partner, "cloud-platform", "k-replay", PAID).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(WorkCounter.operations()).as("the stored answer, no transaction").doesNotContain("TransactWriteItems");
        assertThat(WorkCounter.requests()).isEqualTo(1);
    }
}
