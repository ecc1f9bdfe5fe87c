package org.partnerprogram.renewal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D22 (operators read every partner, never renew) and D23 (GET /due from the due-work index).
 * Other tests share the table, so the due overview looks at a year no other test uses (2087)
 * and at this test's own partner.
 */
@QuarkusTest
class OperatorReadsApiTest extends ApiTestSupport {

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2087-03-15", true);
        enrolCompetency(partner, "data-analytics", "2087-03-01", true);
    }

    @Test
    void anOperatorReadsAnyPartnerItsOffersAndHistory() {
        as(Tokens.operator()).get("/partners/{p}", partner).then().statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("name", equalTo(partner + " Ltd"))
                .body("migratedToPartnerCenter", equalTo(true))
                .body("contacts", hasSize(0))
                .body("language", equalTo("en"));
        as(Tokens.operator()).get("/partners/{p}/offers", partner).then().statusCode(200).body("offers", hasSize(2));
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200)
                .body("anniversaryDate", equalTo("2087-03-15"));
        as(Tokens.operator()).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then().statusCode(200)
                .body("renewals", hasSize(0));
    }

    @Test
    void aPartnerAdminReadsItsOwnPartnerAndNoOther() {
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}", partner).then().statusCode(200).body("partnerId", equalTo(partner));
        as(Tokens.partnerAdmin(newPartner("other"))).get("/partners/{p}", partner).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        api().get("/partners/{p}", partner).then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        as(Tokens.operator()).get("/partners/{p}", newPartner("nobody")).then().statusCode(404).body("code", equalTo("not-found"));
        as(Tokens.operator()).get("/partners/{p}", "bad id!").then().statusCode(400).body("code", equalTo("invalid-request"));
    }

    @Test
    void anOperatorCannotRenew() {
        as(Tokens.operator()).header("Idempotency-Key", "k").post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform")
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    Response due(String from, String to, Map<String, ?> more) {
        return as(Tokens.operator()).queryParam("from", from).queryParam("to", to).queryParams(more).get("/due");
    }

    /** This test's items as "dueAt offer work". */
    List<String> mine(JsonPath page) {
        List<String> items = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            if (partner.equals(item.get("partnerId"))) {
                items.add(item.get("dueAt") + " " + item.get("offerId") + " " + item.get("work"));
            }
        }
        return items;
    }

    @Test
    void theDueOverviewFindsLaterWorkOfOffersWhoseNextDueDayIsBeforeTheRange() {
        // Both offers' index entries hold their upcoming reminders (2087-02-14, 2087-02-28), before the range.
        JsonPath page = due("2087-03-20", "2087-04-15", Map.of()).then().statusCode(200).contentType("application/json")
                .body("from", equalTo("2087-03-20")).body("to", equalTo("2087-04-15")).body("nextCursor", nullValue())
                .extract().jsonPath();
        assertThat(mine(page)).containsExactly(
                "2087-03-24 data-analytics WINDOW_CLOSING",
                "2087-04-01 data-analytics LAPSE",
                "2087-04-07 cloud-platform WINDOW_CLOSING",
                "2087-04-15 cloud-platform LAPSE");
        Map<String, Object> first = page.getMap("items.find { it.partnerId == '" + partner + "' }");
        assertThat(first).containsEntry("name", "Gold Cloud Platform").containsEntry("anniversaryDate", "2087-03-01")
                .containsOnlyKeys("partnerId", "offerId", "name", "anniversaryDate", "dueAt", "work");
    }

    @Test
    void theRangeIncludesBothEndsAndOrdersByDueDay() {
        JsonPath page = due("2087-02-14", "2087-02-28", Map.of()).then().statusCode(200).extract().jsonPath();
        assertThat(mine(page)).containsExactly("2087-02-14 data-analytics UPCOMING_ANNIVERSARY",
                "2087-02-28 cloud-platform UPCOMING_ANNIVERSARY");
        List<String> days = page.getList("items.dueAt");
        assertThat(days).isSorted();
    }

    @Test
    void aRenewedOrRemindedOfferShowsOnlyTheWorkLeft() {
        enrolCompetency(partner, "renewed", "2087-06-10", true);
        today("2087-06-12T10:00:00Z");
        renew(partner, "renewed", "due-renew-1", payment("4730.00", "USD")).then().statusCode(201);
        // The new AD is 2088-06-09: nothing is left for 2087's, its next reminder is 2088-05-25.
        assertThat(mine(due("2087-06-10", "2087-07-11", Map.of()).then().statusCode(200).extract().jsonPath())).isEmpty();
        assertThat(mine(due("2088-05-20", "2088-05-31", Map.of()).then().statusCode(200).extract().jsonPath()))
                .containsExactly("2088-05-25 renewed UPCOMING_ANNIVERSARY");
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> more = cursor == null ? Map.of("limit", 1) : Map.of("limit", 1, "cursor", cursor);
            JsonPath page = due("2087-02-01", "2087-03-01", more).then().statusCode(200).body("items", hasSize(1))
                    .extract().jsonPath();
            seen.addAll(mine(page));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).containsExactly("2087-02-14 data-analytics UPCOMING_ANNIVERSARY",
                "2087-02-28 cloud-platform UPCOMING_ANNIVERSARY");
        assertThat(cursor).isNull();
    }

    @Test
    void aRangeOverThirtyOneDaysIsABadRequestNamingTo() {
        due("2087-03-01", "2087-04-01", Map.of()).then().statusCode(200);
        due("2087-03-01", "2087-04-02", Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-request")).body("detail", containsString("to"));
        due("2087-03-02", "2087-03-01", Map.of()).then().statusCode(400).body("detail", containsString("to"));
    }

    @Test
    void badParametersAreBadRequestsNamingTheField() {
        as(Tokens.operator()).queryParam("to", "2087-03-01").get("/due").then().statusCode(400).body("detail", containsString("from"));
        due("2087-02-30", "2087-03-01", Map.of()).then().statusCode(400).body("detail", containsString("from"));
        due("2087-03-01", "2087-03-02", Map.of("limit", 501)).then().statusCode(400).body("detail", containsString("limit"));
        due("2087-03-01", "2087-03-02", Map.of("limit", 0)).then().statusCode(400).body("detail", containsString("limit"));
        due("2087-03-01", "2087-03-02", Map.of("limit", "ten")).then().statusCode(400).body("detail", containsString("limit"));
        due("2087-03-01", "2087-03-02", Map.of("cursor", "not-a-cursor")).then().statusCode(400)
                .body("code", equalTo("invalid-request")).body("detail", containsString("cursor"));
        due("2087-03-01", "2087-03-02", Map.of("limit", 500)).then().statusCode(200);
    }

    @Test
    void aCursorOutsideTheAskedRangeIsABadRequestNamingCursor() {
        for (String dueAt : List.of("2099-01-01", "2087-04-30", "2087-02-28")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("d1|" + dueAt + "|x|y|LAPSE").getBytes(StandardCharsets.UTF_8));
            due("2087-03-01", "2087-03-31", Map.of("cursor", cursor)).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid-request"))
                    .body("detail", containsString("cursor"));
        }
    }

    @Test
    void onlyOperatorsSeeTheDueOverview() {
        as(Tokens.partnerAdmin(partner)).queryParam("from", "2087-03-01").queryParam("to", "2087-03-02").get("/due")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        api().queryParam("from", "2087-03-01").queryParam("to", "2087-03-02").get("/due").then().statusCode(401);
    }
}
