package org.partnerprogram.renewal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /partners/{p}/offers/{o}/renewals: the rules, the refusals in D14 order, idempotency (D16). */
@QuarkusTest
class RenewOfferApiTest extends ApiTestSupport {

    static final String PAID = payment("4730.00", "USD");

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", false);
    }

    Response renew(String offerId, String key, String body) {
        return renewing(partner, key).body(body).post("/partners/{p}/offers/{o}/renewals", partner, offerId);
    }

    @Test
    void renewingInsideTheWindowMovesTheAnniversaryBy365Days() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-1", "{\"payment\":{\"reference\":\"pay-123\",\"amount\":\"4730\",\"currency\":\"USD\"}}").then()
                .statusCode(201)
                .contentType("application/json")
                .body("partnerId", equalTo(partner))
                .body("offerId", equalTo("cloud-platform"))
                .body("previousAnniversaryDate", equalTo("2021-03-15"))
                .body("newAnniversaryDate", equalTo("2022-03-15"))
                .body("renewedOn", equalTo("2021-03-20"))
                .body("exemption.program", equalTo("covid-19-2021h1"))
                .body("exemption.until", equalTo("2022-03-15"))
                .body("payment.reference", equalTo("pay-123"))
                .body("payment.currency", equalTo("USD"))
                .body("policy", equalTo("mpn-2021"))
                .body("renewalId", org.hamcrest.Matchers.notNullValue());
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("anniversaryDate", equalTo("2022-03-15"))
                .body("status", equalTo("ACTIVE"))
                // D9: the exemption lasted until this AD; the next renewal needs the requirements met.
                .body("exemption", nullValue())
                .body("blockers.code", contains("renewal-window-not-open", "requirements-not-met"));
    }

    @Test
    void renewingOnTheAnniversaryItselfIsRefused() {
        today("2021-03-15T23:00:00Z");
        renew("cloud-platform", "k-ad", PAID).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("renewal-window-not-open"))
                .body("blockers.code", contains("renewal-window-not-open"));
    }

    @Test
    void renewingOnDayThirtyKeepsBenefits() {
        today("2021-04-14T12:00:00Z");
        renew("cloud-platform", "k-30", PAID).then().statusCode(201).body("newAnniversaryDate", equalTo("2022-03-15"));
    }

    @Test
    void renewingOnDayThirtyOneIsRefusedAndTheOfferHasLapsed() {
        today("2021-04-15T00:00:00Z");
        renew("cloud-platform", "k-31", PAID).then()
                .statusCode(409).body("code", equalTo("renewal-window-closed"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("status", equalTo("LAPSED")).body("benefitsActive", equalTo(false));
    }

    @Test
    void anExemptOfferOfAPartnerStillOnPmcNeedsMigration() {
        String pmc = newPartner("fabrikam");
        enrolPartner(pmc, false);
        enrolCompetency(pmc, "cloud-platform", "2021-03-12", false);
        today("2021-03-20T10:00:00Z");
        renewing(pmc, "k-pmc").body(PAID).post("/partners/{p}/offers/{o}/renewals", pmc, "cloud-platform").then()
                .statusCode(409)
                .body("code", equalTo("pmc-migration-required"))
                .body("blockers.code", contains("pmc-migration-required"));
    }

    @Test
    void metRequirementsNeedNoMigration() {
        String pmc = newPartner("fabrikam");
        enrolPartner(pmc, false);
        enrolCompetency(pmc, "modern-work", "2021-03-18", true);
        today("2021-03-20T10:00:00Z");
        renewing(pmc, "k-met").body(PAID).post("/partners/{p}/offers/{o}/renewals", pmc, "modern-work").then()
                .statusCode(201).body("newAnniversaryDate", equalTo("2022-03-18"));
    }

    @Test
    void cloudBusinessApplicationsIsNeverExempt() {
        enrolOffer(partner, "cba", "COMPETENCY", "Cloud Business Applications", "2021-03-10", false, "4730.00");
        today("2021-03-20T10:00:00Z");
        renew("cba", "k-cba", PAID).then()
                .statusCode(409).body("code", equalTo("requirements-not-met"));
    }

    @Test
    void blockersAreListedInDecisionOrderAndTheFirstIsTheCode() {
        String pmc = newPartner("fabrikam");
        enrolPartner(pmc, false);
        enrolCompetency(pmc, "cloud-platform", "2021-03-12", false);
        today("2021-05-01T10:00:00Z");
        renewing(pmc, "k-order").body(payment("1.00", "EUR")).post("/partners/{p}/offers/{o}/renewals", pmc, "cloud-platform").then()
                .statusCode(409)
                .body("code", equalTo("renewal-window-closed"))
                .body("blockers.code", contains("renewal-window-closed", "pmc-migration-required", "payment-mismatch"));
    }

    @Test
    void aPaymentOfTheWrongAmountOrCurrencyIsAMismatch() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-amount", payment("4730.01", "USD")).then()
                .statusCode(409).body("code", equalTo("payment-mismatch"));
        renew("cloud-platform", "k-currency", payment("4730.00", "EUR")).then()
                .statusCode(409).body("code", equalTo("payment-mismatch"));
    }

    @Test
    void withoutAPaymentAFeeIsPaymentRequired() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-nopay", "{}").then()
                .statusCode(402).contentType("application/problem+json").body("code", equalTo("payment-required"));
        renewing(partner, "k-nobody").post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(402);
    }

    @Test
    void aZeroFeeNeedsNoPayment() {
        enrolOffer(partner, "k8s", "ADVANCED_SPECIALIZATION", "Cloud Platform", "2021-03-01", false, "0.00");
        today("2021-03-20T10:00:00Z");
        renewing(partner, "k-zero").post("/partners/{p}/offers/{o}/renewals", partner, "k8s").then()
                .statusCode(201).body("payment", nullValue()).body("newAnniversaryDate", equalTo("2022-03-01"));
    }

    @Test
    void aRenewalWithoutIdempotencyKeyIsABadRequest() {
        today("2021-03-20T10:00:00Z");
        as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON).body(PAID)
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(400).body("code", equalTo("idempotency-key-missing"));
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseByteForByte() {
        today("2021-03-20T10:00:00Z");
        Response first = renew("cloud-platform", "k-replay", PAID);
        first.then().statusCode(201);
        Response again = renew("cloud-platform", "k-replay", PAID);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .body("renewals", hasSize(1));
    }

    @Test
    void refusalsAreReplayedToo() {
        today("2021-03-20T10:00:00Z");
        Response first = renew("cloud-platform", "k-402", "{}");
        first.then().statusCode(402);
        Response again = renew("cloud-platform", "k-402", "{}");
        again.then().statusCode(402).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void theSameKeyWithAnotherBodyOrOfferIsRefused() {
        enrolCompetency(partner, "other", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-reuse", PAID).then().statusCode(201);
        renew("cloud-platform", "k-reuse", payment("4730.00", "USD")).then()
                .statusCode(422).body("code", equalTo("idempotency-key-reused"));
        renew("other", "k-reuse", PAID).then()
                .statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void aKeyIsScopedToThePartnerThatSentIt() {
        String other = newPartner("northwind");
        enrolPartner(other, true);
        enrolCompetency(other, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "shared-key", PAID).then().statusCode(201);
        renewing(other, "shared-key").body(PAID).post("/partners/{p}/offers/{o}/renewals", other, "cloud-platform").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).body("partnerId", equalTo(other));
    }

    @Test
    void aBadRequestIsNotStoredSoTheKeyCanBeUsedAgain() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-400", "{\"payment\":{\"reference\":\"r\",\"amount\":\"-1\",\"currency\":\"USD\"}}").then()
                .statusCode(400).body("detail", containsString("payment.amount"));
        renew("cloud-platform", "k-400", PAID).then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anAmountBeyondTheDigitsAnAmountMayHaveIsRefusedNamingTheLimit() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-digits", "{\"payment\":{\"reference\":\"r\",\"amount\":\"4730.0000000\",\"currency\":\"USD\"}}")
                .then().statusCode(400).body("detail", equalTo("payment.amount: must be a non-negative decimal string of at most"
                        + " 15 digits before the point and 6 after, such as \"4730.00\""));
    }

    @Test
    void anotherPartnersOfferCannotBeRenewed() {
        String intruder = newPartner("mallory");
        today("2021-03-20T10:00:00Z");
        renewing(intruder, "k-bola").body(PAID).post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(404).body("code", equalTo("not-found"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("anniversaryDate", equalTo("2021-03-15"));
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndChangeNothing() {
        today("2021-03-20T10:00:00Z");
        assertBadRequest("{", "body");
        assertBadRequest("[]", "body");
        assertBadRequest("{\"payment\":{\"reference\":\"r\",\"amount\":4730,\"currency\":\"USD\"}}", "payment.amount");
        assertBadRequest("{\"payment\":{\"reference\":\"r\",\"amount\":\"47,30\",\"currency\":\"USD\"}}", "payment.amount");
        assertBadRequest("{\"payment\":{\"reference\":\"r\",\"amount\":\"4730\",\"currency\":\"usd\"}}", "payment.currency");
        assertBadRequest("{\"payment\":{\"amount\":\"4730\",\"currency\":\"USD\"}}", "payment.reference");
        assertBadRequest("{\"payment\":{\"reference\":\"r\",\"amount\":\"4730\",\"currency\":\"USD\"},\"anniversaryDate\":\"2030-01-01\"}",
                "anniversaryDate");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("anniversaryDate", equalTo("2021-03-15"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .body("renewals", hasSize(0));
    }

    private void assertBadRequest(String body, String field) {
        renew("cloud-platform", "k-bad-" + field.hashCode() + body.length(), body).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-request"))
                .body("detail", containsString(field))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void aBodyOver16KiBIsTooLarge() {
        today("2021-03-20T10:00:00Z");
        String big = "{\"payment\":{\"reference\":\"" + "x".repeat(17 * 1024) + "\",\"amount\":\"4730\",\"currency\":\"USD\"}}";
        renew("cloud-platform", "k-big", big).then().statusCode(413).body("code", equalTo("payload-too-large"));
    }

    @Test
    void aJsonBodyRenewsWhateverItsContentTypeSays() {
        // curl -d labels a body form-urlencoded, fetch labels a string text/plain: the JSON decides.
        today("2021-03-20T10:00:00Z");
        as(Tokens.partnerAdmin(partner)).header("Idempotency-Key", "k-ct").contentType(ContentType.TEXT).body(PAID)
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(201).body("newAnniversaryDate", equalTo("2022-03-15"));
    }

    @Test
    void historyListsRenewalsNewestFirst() {
        enrolCompetency(partner, "met", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        renew("met", "k-h1", PAID).then().statusCode(201);
        today("2022-03-20T10:00:00Z");
        renew("met", "k-h2", PAID).then().statusCode(201).body("exemption", nullValue());
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "met").then()
                .statusCode(200)
                .body("renewals.previousAnniversaryDate", contains("2022-03-15", "2021-03-15"))
                .body("renewals.newAnniversaryDate", contains("2023-03-15", "2022-03-15"));
    }

    /** One renewal per (offer, AD): an operator cannot set the offer back to an AD it renewed. */
    @Test
    void anOfferCannotBeSetBackToAnAnniversaryItRenewed() {
        today("2021-03-20T10:00:00Z");
        renew("cloud-platform", "k-first", PAID).then().statusCode(201).body("newAnniversaryDate", equalTo("2022-03-15"));
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", false, "4730.00")).put("/partners/{p}/offers/{o}", partner, "cloud-platform")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-request"))
                .body("detail", containsString("anniversaryDate")).body("detail", containsString("already renewed"));
        offer(partner, "cloud-platform").then().body("anniversaryDate", equalTo("2022-03-15"))
                .body("renewable", equalTo(false)).body("blockers[0].code", equalTo("renewal-window-not-open"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(200).body("renewals.size()", equalTo(1));
    }
}
