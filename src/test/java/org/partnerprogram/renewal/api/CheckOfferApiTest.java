package org.partnerprogram.renewal.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /partners/{p}/offers[/{o}]: the status answer of section 3, as a partner admin sees it. */
@QuarkusTest
class CheckOfferApiTest extends ApiTestSupport {

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", false);
        enrolOffer(partner, "cba", "COMPETENCY", "Cloud Business Applications", "2021-03-10", false, "4730.00");
    }

    @Test
    void offerStatusCarriesEveryFieldOfTheContract() {
        today("2021-03-20T10:00:00Z");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .statusCode(200)
                .contentType("application/json")
                .body("partnerId", equalTo(partner))
                .body("offerId", equalTo("cloud-platform"))
                .body("type", equalTo("COMPETENCY"))
                .body("name", equalTo("Gold Cloud Platform"))
                .body("area", equalTo("Cloud Platform"))
                .body("asOf", equalTo("2021-03-20"))
                .body("anniversaryDate", equalTo("2021-03-15"))
                .body("renewalWindow.opens", equalTo("2021-03-16"))
                .body("renewalWindow.closes", equalTo("2021-04-14"))
                .body("status", equalTo("IN_RENEWAL_WINDOW"))
                .body("benefitsActive", equalTo(true))
                .body("renewable", equalTo(true))
                .body("blockers", hasSize(0))
                .body("exemption.program", equalTo("covid-19-2021h1"))
                .body("exemption.until", equalTo("2022-03-15"))
                .body("renewalFee.amount", equalTo("4730.00"))
                .body("renewalFee.currency", equalTo("USD"))
                .body("reminders.kind", contains("UPCOMING_ANNIVERSARY", "WINDOW_CLOSING"))
                .body("reminders.due", contains("2021-02-28", "2021-04-07"))
                .body("reminders.sentOn", contains(nullValue(), nullValue()))
                .body("policy", equalTo("mpn-2021"))
                .body("requirementsMet", equalTo(false))
                .body("daysLeftToRenew", equalTo(26));
    }

    @Test
    void anOfferWhoseRequirementsAreMetSaysSoEvenWhenTheExtensionCoversIt() {
        enrolCompetency(partner, "met", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "met").then()
                .statusCode(200)
                .body("requirementsMet", equalTo(true))
                .body("exemption.until", equalTo("2022-03-15"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("requirementsMet", equalTo(false))
                .body("exemption.until", equalTo("2022-03-15"));
    }

    @Test
    void daysLeftToRenewCountEveryDayOnWhichRenewingIsStillPossible() {
        today("2021-03-20T10:00:00Z");
        String[][] dayAndDaysLeft = {{"2021-02-28", "30"}, {"2021-04-07", "8"}, {"2021-04-14", "1"}, {"2021-04-15", "0"}};
        for (String[] expected : dayAndDaysLeft) {
            as(Tokens.partnerAdmin(partner)).queryParam("asOf", expected[0])
                    .get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                    .statusCode(200)
                    .body("daysLeftToRenew", equalTo(Integer.parseInt(expected[1])));
        }
    }

    @Test
    void listingShowsEveryOfferOfThePartnerAsOfToday() {
        today("2021-03-20T23:59:59Z");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers", partner).then()
                .statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("asOf", equalTo("2021-03-20"))
                .body("offers.offerId", contains("cba", "cloud-platform"))
                .body("offers[0].exemption", nullValue())
                .body("offers[0].blockers.code", contains("requirements-not-met"));
    }

    @Test
    void asOfPreviewsAnyDateWithoutChangingAnything() {
        today("2021-03-20T10:00:00Z");
        as(Tokens.partnerAdmin(partner)).queryParam("asOf", "2021-04-15").get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .statusCode(200)
                .body("asOf", equalTo("2021-04-15"))
                .body("status", equalTo("LAPSED"))
                .body("benefitsActive", equalTo(false))
                .body("blockers.code", contains("renewal-window-closed"));
        as(Tokens.partnerAdmin(partner)).queryParam("asOf", "2021-03-15").get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("status", equalTo("ACTIVE"))
                .body("blockers.code", contains("renewal-window-not-open"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("status", equalTo("IN_RENEWAL_WINDOW"));
    }

    @Test
    void anImpossibleAsOfDateIsABadRequestNamingTheField() {
        as(Tokens.partnerAdmin(partner)).queryParam("asOf", "2021-02-30").get("/partners/{p}/offers", partner).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-request"))
                .body("type", endsWith("/invalid-request"))
                .body("status", equalTo(400))
                .body("detail", org.hamcrest.Matchers.containsString("asOf"));
    }

    @Test
    void anotherPartnersOffersAreNotFoundNeverForbidden() {
        String other = newPartner("fabrikam");
        as(Tokens.partnerAdmin(other)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .statusCode(404).body("code", equalTo("not-found"));
        as(Tokens.partnerAdmin(other)).get("/partners/{p}/offers", partner).then()
                .statusCode(404).body("code", equalTo("not-found"));
        as(Tokens.partnerAdmin(other)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void anUnknownOfferIsNotFound() {
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "no-such-offer").then()
                .statusCode(404).body("code", equalTo("not-found"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "no-such-offer").then()
                .statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void anOfferNeverRenewedHasAnEmptyHistory() {
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(200).body("renewals", hasSize(0));
    }

    @Test
    void withoutATokenTheCallerIsUnauthenticated() {
        api().get("/partners/{p}/offers", partner).then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        api().header("Authorization", "Bearer not-a-jwt").get("/partners/{p}/offers", partner).then()
                .statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void aTokenWithoutAPartnerIsUnauthenticated() {
        as(Tokens.jwt("{\"sub\":\"x\",\"roles\":[\"mpn-partner-admin\"]}")).get("/partners/{p}/offers", partner).then()
                .statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void aCallerWithoutThePartnerAdminRoleIsForbidden() {
        as(Tokens.jwt("{\"sub\":\"x\",\"partner_id\":\"" + partner + "\",\"roles\":[\"reader\"]}"))
                .get("/partners/{p}/offers", partner).then()
                .statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void anIdWithCharactersOutsideTheAllowedSetIsABadRequest() {
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "bad id!").then()
                .statusCode(400).body("code", equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.containsString("offerId"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "x".repeat(129)).then()
                .statusCode(400).body("code", equalTo("invalid-request"));
    }

    @Test
    void anUnknownRouteIsNotFound() {
        as(Tokens.partnerAdmin(partner)).delete("/partners/{p}/offers", partner).then().statusCode(404);
    }
}
