package org.partnerprogram.renewal.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Operator PUT routes (section 3, D17). */
@QuarkusTest
class EnrolApiTest extends ApiTestSupport {

    @Test
    void anOperatorDescribesAPartnerAndEnrolsAnOffer() {
        String partner = newPartner("contoso");
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Contoso Ltd\",\"migratedToPartnerCenter\":true}")
                .put("/partners/{p}", partner).then()
                .statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("name", equalTo("Contoso Ltd"))
                .body("migratedToPartnerCenter", equalTo(true));
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("ADVANCED_SPECIALIZATION", "Cloud Platform", "2021-03-01", false, "2000.00"))
                .put("/partners/{p}/offers/{o}", partner, "kubernetes").then()
                .statusCode(200)
                .body("offerId", equalTo("kubernetes"))
                .body("type", equalTo("ADVANCED_SPECIALIZATION"))
                .body("anniversaryDate", equalTo("2021-03-01"))
                .body("requirementsMet", equalTo(false))
                .body("renewalFee.amount", equalTo("2000.00"));
        today("2021-03-05T00:00:00Z");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "kubernetes").then()
                .statusCode(200).body("renewable", equalTo(true)).body("exemption.until", equalTo("2022-03-01"));
    }

    @Test
    void anUpdateWithANewAnniversaryRecomputesWindowAndReminders() {
        String partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        sweep("2021-03-01T00:15:00Z");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("reminders[0].sentOn", equalTo("2021-03-01"));

        enrolCompetency(partner, "cloud-platform", "2021-06-15", true);
        as(Tokens.partnerAdmin(partner)).queryParam("asOf", "2021-06-20").get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("renewalWindow.opens", equalTo("2021-06-16"))
                .body("renewalWindow.closes", equalTo("2021-07-15"))
                .body("reminders.due", org.hamcrest.Matchers.contains("2021-05-31", "2021-07-08"))
                .body("reminders[0].sentOn", nullValue());
    }

    @Test
    void anUpdateThatKeepsTheAnniversaryKeepsWhatWasSent() {
        String partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", false);
        sweep("2021-03-01T00:15:00Z");
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .body("reminders[0].sentOn", equalTo("2021-03-01"));
    }

    @Test
    void aPartnerAdminCannotUseOperatorRoutes() {
        String partner = newPartner("contoso");
        as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"migratedToPartnerCenter\":true}")
                .put("/partners/{p}", partner).then()
                .statusCode(403).body("code", equalTo("forbidden"));
        as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", true, "1.00"))
                .put("/partners/{p}/offers/{o}", partner, "o").then()
                .statusCode(403);
        api().contentType(ContentType.JSON).body("{\"name\":\"x\",\"migratedToPartnerCenter\":true}")
                .put("/partners/{p}", partner).then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void invalidOfferBodiesAreRefusedNamingTheField() {
        String partner = newPartner("contoso");
        assertInvalid(partner, offerBody("LICENCE", "Cloud Platform", "2021-03-15", true, "1.00"), "type");
        assertInvalid(partner, offerBody("COMPETENCY", "Cloud Platform", "2021-02-30", true, "1.00"), "anniversaryDate");
        assertInvalid(partner, offerBody("COMPETENCY", "Cloud Platform", "15/03/2021", true, "1.00"), "anniversaryDate");
        assertInvalid(partner, offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", true, "-1"), "renewalFee.amount");
        assertInvalid(partner, "{\"type\":\"COMPETENCY\",\"name\":\"n\",\"area\":\"a\",\"anniversaryDate\":\"2021-03-15\","
                + "\"renewalFee\":{\"amount\":\"1\",\"currency\":\"USD\"}}", "requirementsMet");
        assertInvalid(partner, "{\"type\":\"COMPETENCY\",\"name\":\"n\",\"area\":\"a\",\"anniversaryDate\":\"2021-03-15\","
                + "\"requirementsMet\":true,\"renewalFee\":{\"amount\":\"1\",\"currency\":\"USD\"},\"status\":\"ACTIVE\"}", "status");
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "o").then().statusCode(404);
    }

    private void assertInvalid(String partner, String body, String field) {
        as(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .put("/partners/{p}/offers/{o}", partner, "o").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-request"))
                .body("detail", containsString(field));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "o").then().statusCode(404);
    }
}
