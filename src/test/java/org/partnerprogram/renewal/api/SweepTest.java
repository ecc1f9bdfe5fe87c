package org.partnerprogram.renewal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.RenewalConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled sweep (section 4, D5): invoked as Lambda would be, with a Scheduled Event, through
 * the local Invoke API. Other tests' offers share the table, so assertions look at this test's own.
 */
@QuarkusTest
class SweepTest extends ApiTestSupport {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    RenewalConfig config;

    String partner;

    @BeforeEach
    void enrol() {
        partner = newPartner("contoso");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
    }

    Response status(String asOf) {
        return as(Tokens.partnerAdmin(partner)).queryParam("asOf", asOf).get("/partners/{p}/offers/{o}", partner, "cloud-platform");
    }

    /** The reminder records (the outbox) of this test's offer. */
    List<String> reminderRecords() {
        return dynamo.query(b -> b.tableName(config.tableName())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :r)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OFFER#" + partner + "#cloud-platform"),
                                ":r", AttributeValue.fromS("REMINDER#"))))
                .items().stream().map(item -> item.get("kind").s() + "@" + item.get("recordedOn").s()).toList();
    }

    @Test
    void theUpcomingReminderIsRecordedFifteenDaysBeforeTheAnniversary() {
        sweep("2021-02-27T00:15:00Z");
        assertThat(reminderRecords()).isEmpty();
        sweep("2021-02-28T00:15:00Z");
        assertThat(reminderRecords()).containsExactly("UPCOMING_ANNIVERSARY@2021-02-28");
        status("2021-02-28").then().body("reminders.sentOn", contains(equalTo("2021-02-28"), nullValue()));
    }

    @Test
    void theSameEventTwiceRecordsNothingTwice() {
        sweep("2021-02-28T00:15:00Z");
        sweep("2021-02-28T00:15:00Z");
        sweep("2021-02-28T09:00:00Z");
        assertThat(reminderRecords()).containsExactly("UPCOMING_ANNIVERSARY@2021-02-28");
    }

    @Test
    void aSkippedDayIsCaughtUpByTheNextSweep() {
        sweep("2021-04-08T00:15:00Z");
        assertThat(reminderRecords()).containsExactlyInAnyOrder("UPCOMING_ANNIVERSARY@2021-04-08", "WINDOW_CLOSING@2021-04-08");
    }

    @Test
    void anEventFromBeforeTheDueDateArrivingLateSendsNothingEarly() {
        sweep("2021-04-08T00:15:00Z");
        sweep("2021-02-01T00:15:00Z");
        assertThat(reminderRecords()).hasSize(2);
    }

    @Test
    void theOfferLapsesTheDayAfterTheWindowClosesNotBefore() {
        sweep("2021-04-14T00:15:00Z");
        status("2021-04-14").then().body("status", equalTo("IN_RENEWAL_WINDOW"));
        today("2021-04-14T10:00:00Z");
        renewing(partner, "k-after-sweep-30").body(payment("4730.00", "USD"))
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then().statusCode(201);
    }

    @Test
    void anOfferNobodyRenewedIsMarkedLapsedAndReminderWindowEnds() {
        Response report = sweep("2021-04-15T00:15:00Z");
        assertThat(report.jsonPath().getInt("lapsed")).isGreaterThanOrEqualTo(1);
        status("2021-04-15").then().body("status", equalTo("LAPSED"));
        Map<String, AttributeValue> offer = dynamo.getItem(b -> b.tableName(config.tableName()).key(Map.of(
                "PK", AttributeValue.fromS("PARTNER#" + partner), "SK", AttributeValue.fromS("OFFER#cloud-platform")))).item();
        assertThat(offer.get("lapsedOn").s()).isEqualTo("2021-04-15");
        assertThat(offer).doesNotContainKey("dueAt");
        // The window closed before any sweep ran: the reminders no longer mean anything (D5).
        assertThat(reminderRecords()).isEmpty();
    }

    @Test
    void renewingCancelsTheRemindersLeftForThatAnniversary() {
        sweep("2021-02-28T00:15:00Z");
        today("2021-03-20T10:00:00Z");
        renewing(partner, "k-cancel").body(payment("4730.00", "USD"))
                .post("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then().statusCode(201);
        sweep("2021-04-08T00:15:00Z");
        sweep("2021-04-20T00:15:00Z");
        assertThat(reminderRecords()).containsExactly("UPCOMING_ANNIVERSARY@2021-02-28");
        status("2021-04-20").then().body("status", equalTo("ACTIVE")).body("anniversaryDate", equalTo("2022-03-15"));
    }

    void moveAnniversary(String anniversaryDate) {
        as(Tokens.operator()).contentType(io.restassured.http.ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", anniversaryDate, true, "4730.00"))
                .put("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200);
    }

    /** Issue 9's five steps: the AD moves away and back after its first reminder was recorded. */
    @Test
    void aReminderRecordedForAnAnniversaryStaysRecordedWhenTheAnniversaryReturnsToIt() {
        sweep("2021-02-28T00:15:00Z");
        moveAnniversary("2021-04-10");
        moveAnniversary("2021-03-15");
        status("2021-03-01").then().body("reminders.sentOn", contains(equalTo("2021-02-28"), nullValue()));
        sweep("2021-03-27T00:15:00Z");
        status("2021-03-27").then().body("reminders.sentOn", contains(equalTo("2021-02-28"), nullValue()));
        sweep("2021-04-07T00:15:00Z");
        sweep("2021-04-08T00:15:00Z");
        assertThat(reminderRecords()).containsExactlyInAnyOrder("UPCOMING_ANNIVERSARY@2021-02-28", "WINDOW_CLOSING@2021-04-07");
        status("2021-04-07").then().body("reminders.sentOn", contains(equalTo("2021-02-28"), equalTo("2021-04-07")));
    }

    @Test
    void anAnniversaryThatReturnsAfterItLapsedIsNotLapsedAgain() {
        sweep("2021-04-15T00:15:00Z");
        moveAnniversary("2021-05-10");
        moveAnniversary("2021-03-15");
        sweep("2021-04-20T00:15:00Z");
        status("2021-04-20").then().body("status", equalTo("LAPSED"));
        Map<String, AttributeValue> offer = dynamo.getItem(b -> b.tableName(config.tableName()).key(Map.of(
                "PK", AttributeValue.fromS("PARTNER#" + partner), "SK", AttributeValue.fromS("OFFER#cloud-platform")))).item();
        assertThat(offer.get("lapsedOn").s()).isEqualTo("2021-04-15");
        assertThat(offer).doesNotContainKey("dueAt");
    }

    @Test
    void aReminderRecordWhoseCopyOnTheOfferWasLostIsTakenAsRecordedNotRetried() {
        sweep("2021-02-28T00:15:00Z");
        // An offer stored before D17 was fixed: its copy forgot the reminder, the record remains.
        dynamo.updateItem(b -> b.tableName(config.tableName()).key(Map.of(
                        "PK", AttributeValue.fromS("PARTNER#" + partner), "SK", AttributeValue.fromS("OFFER#cloud-platform")))
                .updateExpression("SET remindersSent = :none, dueAt = :due")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromM(Map.of()), ":due", AttributeValue.fromS("2021-02-28"))));
        sweep("2021-03-27T00:15:00Z");
        status("2021-03-27").then().body("reminders.sentOn", contains(equalTo("2021-02-28"), nullValue()));
        sweep("2021-04-07T00:15:00Z");
        assertThat(reminderRecords()).containsExactlyInAnyOrder("UPCOMING_ANNIVERSARY@2021-02-28", "WINDOW_CLOSING@2021-04-07");
    }

    @Test
    void anEventWithoutATimeFailsTheInvocationInsteadOfGuessingTheDay() {
        api().body("{\"detail-type\":\"Scheduled Event\"}").post("/2015-03-31/functions/SweepFunction/invocations").then()
                .statusCode(200)
                .header("X-Amz-Function-Error", "Unhandled")
                .body("errorMessage", org.hamcrest.Matchers.containsString("time"));
    }
}
