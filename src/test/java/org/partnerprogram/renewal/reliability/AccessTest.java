package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;

/**
 * Guarantee: identity comes only from the authorizer's claims and a partner reaches only its own
 * data (OWASP API1 BOLA, API3 property level, API5 BFLA; RELIABILITY.md "Access").
 */
@QuarkusTest
class AccessTest extends ReliabilityTestSupport {

    String victim;
    String attacker;

    @BeforeEach
    void enrol() {
        victim = newPartner("victim");
        attacker = newPartner("attacker");
        enrolPartner(victim, true);
        enrolCompetency(victim, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        FaultInjector.reset();
    }

    /** The call is refused with the status and code, and the store was not even read. */
    void refusedWithoutTouchingTheStore(Supplier<Response> call, int status, String code) {
        call.get().then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        assertThat(FaultInjector.totalCalls()).as("DynamoDB calls").isZero();
    }

    @Test
    void anotherPartnersOfferIsNotFoundAndNothingIsRead() {
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(attacker)).get("/partners/{p}/offers/{o}", victim, "cloud-platform"),
                404, "not-found");
    }

    @Test
    void anotherPartnersOfferListIsNotFoundAndNothingIsRead() {
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(attacker)).get("/partners/{p}/offers", victim), 404, "not-found");
    }

    /**
     * One 404 for another partner's offer, its list and profile, a partner that does not exist and
     * an unknown offer of one's own: nothing tells them apart (section 3).
     */
    @Test
    void anotherPartnerAndAnUnknownOfferGetTheSameNotFound() {
        String own = as(Tokens.partnerAdmin(victim)).get("/partners/{p}/offers/{o}", victim, "no-such-offer").then()
                .statusCode(404).extract().asString();
        for (String partner : new String[] {victim, "no-such-" + victim}) {
            for (String path : new String[] {"/partners/{p}/offers/cloud-platform", "/partners/{p}/offers", "/partners/{p}",
                    "/partners/{p}/notifications"}) {
                assertThat(as(Tokens.partnerAdmin(attacker)).get(path, partner).then().statusCode(404).extract().asString())
                        .as(path + " of " + partner).isEqualTo(own);
            }
        }
        assertThat(own).contains("No such partner or offer.");
    }

    @Test
    void anotherPartnersHistoryIsNotFoundAndNothingIsRead() {
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(attacker)).get("/partners/{p}/offers/{o}/renewals", victim, "cloud-platform"),
                404, "not-found");
    }

    @Test
    void anotherPartnersOfferCannotBeRenewedAndNothingIsRead() {
        refusedWithoutTouchingTheStore(() -> renewing(attacker, "k").body(PAID).post("/partners/{p}/offers/{o}/renewals", victim, "cloud-platform"),
                404, "not-found");
    }

    @Test
    void aPartnerAdminOnOperatorRoutesIsForbidden() {
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(victim)).contentType(ContentType.JSON)
                .body("{\"name\":\"Mine now\",\"migratedToPartnerCenter\":true}").put("/partners/{p}", victim), 403, "forbidden");
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(victim)).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2030-01-01", true, "0.00"))
                .put("/partners/{p}/offers/{o}", victim, "cloud-platform"), 403, "forbidden");
    }

    @Test
    void anOperatorReadsButCannotRenew() {
        refusedWithoutTouchingTheStore(() -> as(Tokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", "op-1")
                .body("{}").post("/partners/{p}/offers/{o}/renewals", victim, "cloud-platform"), 403, "forbidden");
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(victim)).queryParam("from", "2021-03-01")
                .queryParam("to", "2021-03-31").get("/due"), 403, "forbidden");
    }

    @Test
    void missingOrMalformedClaimsAreUnauthenticated() {
        refusedWithoutTouchingTheStore(() -> api().get("/partners/{p}/offers", victim), 401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> api().header("Authorization", "Bearer e30.%%%.").get("/partners/{p}/offers", victim),
                401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> api().header("Authorization", "Basic dXNlcjpwYXNz").get("/partners/{p}/offers", victim),
                401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> as(Tokens.jwt("{\"partner_id\":\"" + victim + "\"}")).get("/partners/{p}/offers", victim),
                403, "forbidden");
        refusedWithoutTouchingTheStore(() -> as(Tokens.jwt("{\"partner_id\":\"\",\"roles\":[\"mpn-partner-admin\"]}"))
                .get("/partners/{p}/offers", victim), 401, "unauthenticated");
    }

    /**
     * A partner claim that cannot be a partner id names no partner: the claims are not usable (401,
     * as the console says at sign-in), whichever partner the path names, its own text included.
     */
    @Test
    void aPartnerClaimThatCannotBeAnIdIsUnauthenticated() {
        String contosoLtd = Tokens.jwt("{\"partner_id\":\"contoso ltd\",\"roles\":[\"mpn-partner-admin\"]}");
        refusedWithoutTouchingTheStore(() -> as(contosoLtd).get("/partners/{p}/offers", victim), 401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> as(contosoLtd).get("/partners/{p}/offers", "contoso ltd"), 401, "unauthenticated");
        as(contosoLtd).get("/partners/{p}", victim).then().statusCode(401)
                .body("detail", containsString("partner_id"));
    }

    @Test
    void claimsNamingNeitherAPartnerNorARoleAreUnauthenticated() {
        String subjectOnly = Tokens.jwt("{\"sub\":\"someone@example.com\"}");
        refusedWithoutTouchingTheStore(() -> as(subjectOnly).get("/partners/{p}/offers", victim), 401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> as(subjectOnly).queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .get("/due"), 401, "unauthenticated");
    }

    @Test
    void anOversizedBodyIsRefusedForWhoSendsItBeforeItIsMeasured() {
        String big = "{\"payment\":{\"reference\":\"" + "r".repeat(17 * 1024) + "\",\"amount\":\"1\",\"currency\":\"USD\"}}";
        refusedWithoutTouchingTheStore(() -> api().contentType(ContentType.JSON).header("Idempotency-Key", "big-1").body(big)
                .post("/partners/{p}/offers/{o}/renewals", victim, "cloud-platform"), 401, "unauthenticated");
        refusedWithoutTouchingTheStore(() -> as(Tokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", "big-2")
                .body(big).post("/partners/{p}/offers/{o}/renewals", victim, "cloud-platform"), 403, "forbidden");
        refusedWithoutTouchingTheStore(() -> as(Tokens.partnerAdmin(victim)).contentType(ContentType.JSON).body(big)
                .put("/partners/{p}", victim), 403, "forbidden");
    }

    @Test
    void rolesAreReadFromAnArrayAndFromApiGatewaysFlattenedString() {
        as(Tokens.jwt("{\"partner_id\":\"" + victim + "\",\"roles\":[\"reader\",\"mpn-partner-admin\"]}"))
                .get("/partners/{p}/offers", victim).then().statusCode(200);
        as(Tokens.jwt("{\"partner_id\":\"" + victim + "\",\"roles\":\"[reader mpn-partner-admin]\"}"))
                .get("/partners/{p}/offers", victim).then().statusCode(200);
        as(Tokens.jwt("{\"partner_id\":\"" + victim + "\",\"roles\":\"[mpn-partner-admin-lookalike]\"}"))
                .get("/partners/{p}/offers", victim).then().statusCode(403);
    }

    @Test
    void aRenewalBodyCannotSetWhatTheServiceDecides() {
        for (String field : new String[] {"\"anniversaryDate\":\"2030-01-01\"", "\"status\":\"ACTIVE\"",
                "\"exemption\":{\"program\":\"covid-19-2021h1\",\"until\":\"2030-01-01\"}", "\"partnerId\":\"" + attacker + "\""}) {
            renew(victim, "cloud-platform", "k-" + field.hashCode(), "{\"payment\":{\"reference\":\"r\",\"amount\":\"4730.00\",\"currency\":\"USD\"}," + field + "}")
                    .then().statusCode(400).body("code", equalTo("invalid-request"));
        }
        assertThat(writes()).isZero();
        assertThat(offerItem(victim, "cloud-platform").get("anniversaryDate").s()).isEqualTo("2021-03-15");
    }
}
