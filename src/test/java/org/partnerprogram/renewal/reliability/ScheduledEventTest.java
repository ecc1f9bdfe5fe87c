package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.reliability.FaultInjector.Fault;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Guarantee: EventBridge delivers at least once, late or out of order; every due reminder is
 * recorded exactly once and nothing lapses early (section 4; RELIABILITY.md "Scheduled events").
 * The table is shared with other tests, so each test first sweeps what is already due.
 */
@QuarkusTest
class ScheduledEventTest extends ReliabilityTestSupport {

    static final String DAY = "2031-02-28T00:15:00Z";
    String partner;

    @jakarta.inject.Inject
    SweepDueWork sweepDueWork;

    @BeforeEach
    void enrol() {
        sweep(DAY);
        partner = newPartner("sched");
        enrolPartner(partner, true);
        for (int i = 0; i < 5; i++) {
            enrolCompetency(partner, "offer-" + i, "2031-03-15", true);
        }
    }

    List<String> reminders(int offer) {
        return records(partner, "offer-" + offer, "REMINDER#").stream().map(r -> r.get("kind").s()).toList();
    }

    void assertEachOfferHasExactlyTheUpcomingReminder() {
        for (int i = 0; i < 5; i++) {
            assertThat(reminders(i)).as("offer-%d", i).containsExactly("UPCOMING_ANNIVERSARY");
        }
    }

    @Test
    void theSameEventDeliveredTwiceRecordsEachReminderOnce() {
        sweep(DAY);
        sweep(DAY);
        assertEachOfferHasExactlyTheUpcomingReminder();
    }

    @Test
    void twoEventsForTheSameDayAtOnceRecordEachReminderOnce() throws Exception {
        List<Callable<Response>> events = List.of(() -> invokeSweep(DAY), () -> invokeSweep(DAY), () -> invokeSweep(DAY));
        concurrently(events).forEach(r -> r.then().statusCode(200));
        assertEachOfferHasExactlyTheUpcomingReminder();
    }

    @Test
    void eventsOutOfOrderSendNothingEarlyAndNothingTwice() {
        sweep("2031-04-07T00:15:00Z");
        sweep("2031-03-01T00:15:00Z");
        sweep("2031-02-20T00:15:00Z");
        for (int i = 0; i < 5; i++) {
            assertThat(reminders(i)).containsExactlyInAnyOrder("UPCOMING_ANNIVERSARY", "WINDOW_CLOSING");
        }
    }

    @Test
    void aSkippedDayIsCaughtUp() {
        sweep("2031-03-05T00:15:00Z");
        assertEachOfferHasExactlyTheUpcomingReminder();
        assertThat(records(partner, "offer-0", "REMINDER#").get(0).get("recordedOn").s()).isEqualTo("2031-03-05");
    }

    @Test
    void anEventFarInThePastDoesNothingBeforeItsTime() {
        sweep("2000-01-01T00:15:00Z");
        for (int i = 0; i < 5; i++) {
            assertThat(reminders(i)).isEmpty();
            assertThat(offerItem(partner, "offer-" + i)).doesNotContainKey("lapsedOn");
        }
    }

    @Test
    void noOfferLapsesOnTheLastDayOfItsWindow() {
        sweep("2031-04-14T00:15:00Z");
        assertThat(offerItem(partner, "offer-0")).doesNotContainKey("lapsedOn");
        sweep("2031-04-15T00:15:00Z");
        assertThat(offerItem(partner, "offer-0").get("lapsedOn").s()).isEqualTo("2031-04-15");
    }

    @Test
    void aSweepKilledHalfWayIsFinishedByTheNextWithNothingDoubled() {
        // Two offers go through, then the store refuses every attempt: the invocation fails.
        FaultInjector.fail("TransactWriteItems", Fault.SERVER_ERROR, 2, 1000);
        invokeSweep(DAY).then().statusCode(200).header("X-Amz-Function-Error", "Unhandled");
        long done = java.util.stream.IntStream.range(0, 5).filter(i -> !reminders(i).isEmpty()).count();
        assertThat(done).isEqualTo(2);
        FaultInjector.reset();
        sweep(DAY);
        assertEachOfferHasExactlyTheUpcomingReminder();
    }

    @Test
    void aSweepOutOfTimeStopsCleanlyAndTheNextOneFinishes() {
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        SweepDueWork.Report first = sweepDueWork.sweep(java.time.LocalDate.parse("2031-02-28"), () -> pages.incrementAndGet() <= 1);
        assertThat(first.complete()).isFalse();
        long done = java.util.stream.IntStream.range(0, 5).filter(i -> !reminders(i).isEmpty()).count();
        assertThat(done).isLessThan(5);
        SweepDueWork.Report next = sweepDueWork.sweep(java.time.LocalDate.parse("2031-02-28"), () -> true);
        assertThat(next.complete()).isTrue();
        assertEachOfferHasExactlyTheUpcomingReminder();
    }

    @Test
    void remindersAreTheOutboxTheStreamDelivers() {
        sweep(DAY);
        Map<String, AttributeValue> record = records(partner, "offer-0", "REMINDER#").get(0);
        assertThat(record.get("entity").s()).isEqualTo("REMINDER");
        assertThat(record.get("anniversaryDate").s()).isEqualTo("2031-03-15");
        assertThat(record.get("due").s()).isEqualTo("2031-02-28");
        assertThat(record.get("partnerId").s()).isEqualTo(partner);
    }
}
