package org.partnerprogram.renewal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.local.LocalMailbox;
import org.partnerprogram.renewal.local.LocalMailbox.Fault;

/**
 * D20: each (offer, AD, event) is emailed at most once, however the bus delivers it; transient SES
 * failures are retried by redelivery, permanent ones recorded. The events are handed to the notify
 * handler as the rule does, and SES is the real v2 client talking to the local capture.
 */
@QuarkusTest
class NotifyDeliveryTest extends NotifyTestSupport {

    String partner;
    String upcoming;

    @BeforeEach
    void enrol() {
        partner = newPartner("contoso");
        enrolPartner(partner, true, "en", contact(partner, "ana"), contact(partner, "ops"));
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        upcoming = reminderEvent(partner, "cloud-platform", "UPCOMING_ANNIVERSARY", "2021-03-15", "2021-02-28");
    }

    ValidatableResponse notifications() {
        return as(Tokens.partnerAdmin(partner)).get("/partners/{p}/notifications", partner).then().statusCode(200);
    }

    @Test
    void aReminderIsEmailedToEveryContactAndRecordedAsSent() {
        assertThat(invokeNotify(upcoming)).contains("SENT");
        List<LocalMailbox.Message> mail = mailTo(partner);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).to()).containsExactly(contact(partner, "ana"), contact(partner, "ops"));
        assertThat(mail.get(0).from()).isEqualTo("renewals@example.com");
        notifications()
                .body("notifications.event", contains("UPCOMING_ANNIVERSARY"))
                .body("notifications[0].partnerId", equalTo(partner))
                .body("notifications[0].offerId", equalTo("cloud-platform"))
                .body("notifications[0].anniversaryDate", equalTo("2021-03-15"))
                .body("notifications[0].status", equalTo("SENT"))
                .body("notifications[0].to", contains(contact(partner, "ana"), contact(partner, "ops")))
                .body("notifications[0].sentAt", notNullValue())
                .body("notifications[0].messageId", equalTo(mail.get(0).messageId()));
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() {
        invokeNotify(upcoming);
        assertThat(invokeNotify(upcoming)).contains("ALREADY_DECIDED");
        assertThat(mailTo(partner)).hasSize(1);
        notifications().body("notifications.status", contains("SENT"));
    }

    @Test
    void theSameEventDeliveredToEightInvocationsAtOnceSendsOneEmail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                try {
                    return invokeNotify(upcoming);
                } catch (RuntimeException inProgress) {
                    return "failed: " + inProgress.getMessage(); // redelivered later in AWS
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> run : runs) {
            results.add(run.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(r -> r.contains("SENT")).hasSize(1);
        // Lambda redelivers the ones that failed because another held the claim: they send nothing.
        results.stream().filter(r -> r.startsWith("failed")).forEach(r -> assertThat(invokeNotify(upcoming)).contains("ALREADY_DECIDED"));
        assertThat(mailTo(partner)).hasSize(1);
    }

    @Test
    void aReminderForAnAnniversaryThatWasRenewedIsObsoleteAndNotSent() {
        today("2021-03-20T10:00:00Z");
        renew(partner, "cloud-platform", "k-obsolete", payment("4730.00", "USD")).then().statusCode(201);
        String closing = reminderEvent(partner, "cloud-platform", "WINDOW_CLOSING", "2021-03-15", "2021-04-07");
        assertThat(invokeNotify(closing)).contains("OBSOLETE");
        awaitMail(partner, mail -> mail.size() == 1); // the receipt of the renewal, through the stream
        assertThat(mailTo(partner)).extracting(LocalMailbox.Message::subject).noneMatch(s -> s.contains("Last days"));
        notifications().body("notifications.findAll { it.event == 'WINDOW_CLOSING' }.status", contains("OBSOLETE"))
                .body("notifications.findAll { it.event == 'WINDOW_CLOSING' }[0].to", empty())
                .body("notifications.findAll { it.event == 'WINDOW_CLOSING' }[0].sentAt", nullValue())
                .body("notifications.findAll { it.event == 'WINDOW_CLOSING' }[0].messageId", nullValue());
    }

    @Test
    void aReminderDeliveredAfterItsWindowClosedIsObsoleteAndNotSent() {
        today("2021-04-15T09:00:00Z"); // the window of AD 2021-03-15 closed on 14 April: a late event, delivered now
        String closing = reminderEvent(partner, "cloud-platform", "WINDOW_CLOSING", "2021-03-15", "2021-04-07");
        assertThat(invokeNotify(closing)).contains("OBSOLETE");
        assertThat(mailTo(partner)).isEmpty();
        notifications().body("notifications.status", contains("OBSOLETE"));
    }

    @Test
    void aReminderForAnAnniversaryAnOperatorChangedIsObsolete() {
        enrolCompetency(partner, "cloud-platform", "2021-09-15", true);
        assertThat(invokeNotify(upcoming)).contains("OBSOLETE");
        assertThat(mailTo(partner)).isEmpty();
    }

    @Test
    void aPartnerWithoutContactsIsRecordedAndNothingIsSent() {
        String alone = newPartner("alone");
        enrolPartner(alone, true, null);
        enrolCompetency(alone, "cloud-platform", "2021-03-15", true);
        int calls = local.mailbox().sendCalls();
        assertThat(invokeNotify(reminderEvent(alone, "cloud-platform", "UPCOMING_ANNIVERSARY", "2021-03-15", "2021-02-28")))
                .contains("NO_CONTACTS");
        assertThat(local.mailbox().sendCalls()).isEqualTo(calls);
        as(Tokens.partnerAdmin(alone)).get("/partners/{p}/notifications", alone).then().statusCode(200)
                .body("notifications.status", contains("NO_CONTACTS"));
    }

    @Test
    void aThrottledSendFailsTheInvocationAndTheRedeliverySendsOnce() {
        // More throttling than the client's own attempts: the invocation fails, Lambda redelivers.
        local.mailbox().failNext(2, Fault.THROTTLED);
        assertThatThrownBy(() -> invokeNotify(upcoming)).hasMessageContaining("TooManyRequestsException");
        assertThat(mailTo(partner)).isEmpty();
        notifications().body("notifications", empty());
        assertThat(invokeNotify(upcoming)).contains("SENT");
        assertThat(invokeNotify(upcoming)).contains("ALREADY_DECIDED");
        assertThat(mailTo(partner)).hasSize(1);
        notifications().body("notifications.status", contains("SENT"));
    }

    @Test
    void aServerErrorIsRetriedToo() {
        local.mailbox().failNext(2, Fault.SERVER_ERROR);
        assertThatThrownBy(() -> invokeNotify(upcoming)).hasMessageContaining("InternalFailure");
        assertThat(invokeNotify(upcoming)).contains("SENT");
        assertThat(mailTo(partner)).hasSize(1);
    }

    @Test
    void aPermanentRejectionIsRecordedAsFailedAndNotRetried() {
        local.mailbox().failNext(1, Fault.REJECTED);
        int calls = local.mailbox().sendCalls();
        assertThat(invokeNotify(upcoming)).contains("FAILED");
        assertThat(local.mailbox().sendCalls()).isEqualTo(calls + 1);
        assertThat(invokeNotify(upcoming)).contains("ALREADY_DECIDED");
        assertThat(local.mailbox().sendCalls()).isEqualTo(calls + 1);
        assertThat(mailTo(partner)).isEmpty();
        notifications().body("notifications.status", contains("FAILED"))
                .body("notifications[0].to", containsInAnyOrder(contact(partner, "ana"), contact(partner, "ops")))
                .body("notifications[0].sentAt", nullValue());
    }

    @Test
    void aPoisonEventFailsAloneAndTheNextIsDelivered() {
        assertThatThrownBy(() -> invokeNotify("{\"detail\":{\"dynamodb\":{}}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invokeNotify("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThat(invokeNotify(upcoming)).contains("SENT");
    }

    @Test
    void notificationsAreReadByThePartnersAdminOrAnOperatorOnly() {
        invokeNotify(upcoming);
        as(Tokens.operator()).get("/partners/{p}/notifications", partner).then().statusCode(200)
                .body("notifications.status", contains("SENT"));
        as(Tokens.partnerAdmin("someone-else")).get("/partners/{p}/notifications", partner).then().statusCode(404)
                .body("code", equalTo("not-found"));
        api().get("/partners/{p}/notifications", partner).then().statusCode(401);
        as(Tokens.jwt("{\"sub\":\"x\",\"partner_id\":\"" + partner + "\",\"roles\":[\"reader\"]}"))
                .get("/partners/{p}/notifications", partner).then().statusCode(403);
    }
}
