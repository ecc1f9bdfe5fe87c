package org.partnerprogram.renewal.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.ApiTestSupport;
import org.partnerprogram.renewal.api.Tokens;

/**
 * Where the console is served (docs/adr/0005-console-served-by-the-http-api.md): by the console function under /console, and in
 * the local run at / for a browser's navigation, while API calls on the same paths get the API.
 */
@QuarkusTest
class ConsoleRoutesTest extends ApiTestSupport {

    @Test
    void aBrowserOpeningAnEmailsDeepLinkGetsTheConsolePage() {
        api().header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html,application/xhtml+xml")
                .get("/partners/{p}/offers/{o}", "contoso", "cloud-platform").then()
                .statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<script type=\"module\" src=\"/console/app.js\"></script>"));
    }

    @Test
    void theLocalRunServesTheConsoleAtItsRootToAnyClient() {
        api().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"/console/app.js\"></script>"));
    }

    @Test
    void apiCallsOnTheSamePathStillGetTheApi() {
        api().get("/partners/{p}/offers/{o}", "contoso", "cloud-platform").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        String partner = newPartner("console");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        as(Tokens.partnerAdmin(partner)).header("Sec-Fetch-Mode", "cors").header("Accept", "application/json")
                .get("/partners/{p}/offers/{o}", partner, "cloud-platform").then()
                .statusCode(200).contentType("application/json").body("offerId", equalTo("cloud-platform"));
    }

    @Test
    void theConsoleFunctionServesItsFilesAndThePageForEveryOtherPath() {
        api().get("/console/app.js").then().statusCode(200).contentType(containsString("text/javascript"))
                .header("X-Content-Type-Options", "nosniff");
        api().get("/console/style.css").then().statusCode(200).contentType(containsString("text/css"));
        api().get("/console").then().statusCode(200).contentType(containsString("text/html"));
        api().get("/console/partners/contoso/offers/o.v2").then().statusCode(200).contentType(containsString("text/html"));
        api().get("/console/missing.js").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        api().get("/console/..%2Fapplication.properties").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void theLocalRunOffersThePersonaPickerInsteadOfOpenIdConnect() {
        today("2021-03-20T10:00:00Z");
        api().get("/console/config.json").then().statusCode(200)
                .body("mode", equalTo("local")).body("basePath", equalTo("")).body("today", equalTo("2021-03-20"))
                .body("personas.id", org.hamcrest.Matchers.contains("contoso", "fabrikam", "northwind", "operator"))
                .body("personas", hasSize(4))
                .body("claims.partner", equalTo("partner_id")).body("claims.roles", equalTo("roles"))
                .body("claims.partnerAdminRole", equalTo("mpn-partner-admin"))
                .body("claims.operatorRole", equalTo("membership-operator"));
    }
}
