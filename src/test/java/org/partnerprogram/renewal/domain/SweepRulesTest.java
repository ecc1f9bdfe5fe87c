package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.renewal.domain.Offers.RULES;
import static org.partnerprogram.renewal.domain.Offers.competency;
import static org.partnerprogram.renewal.domain.Offers.day;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** D4, D5: what the sweep records on a given day, and when it next has work. */
class SweepRulesTest {

    final Offer offer = competency("2021-03-15", true);

    @Test
    @DisplayName("D5: a fresh offer is next due fifteen days before its AD")
    void aFreshOfferIsNextDueAtTheUpcomingReminder() {
        assertThat(RULES.nextDue(offer)).isEqualTo(day("2021-02-28"));
    }

    @Test
    @DisplayName("D5: nothing before the due day")
    void nothingIsRecordedBeforeItsDay() {
        assertThat(RULES.sweep(offer, day("2021-02-27")).changesNothing()).isTrue();
    }

    @Test
    @DisplayName("D5: the upcoming reminder on its day, then the closing one on AD + 23")
    void eachReminderIsRecordedOnItsDueDayOnce() {
        SweepStep first = RULES.sweep(offer, day("2021-02-28"));
        assertThat(first.remindersToRecord()).extracting(Reminder::kind).containsExactly(ReminderKind.UPCOMING_ANNIVERSARY);
        assertThat(first.nextDue()).isEqualTo(day("2021-04-07"));
        assertThat(RULES.sweep(first.after(), day("2021-02-28")).changesNothing()).isTrue();
        assertThat(RULES.sweep(first.after(), day("2021-03-20")).changesNothing()).isTrue();
        SweepStep second = RULES.sweep(first.after(), day("2021-04-07"));
        assertThat(second.remindersToRecord()).extracting(Reminder::kind).containsExactly(ReminderKind.WINDOW_CLOSING);
        assertThat(second.nextDue()).isEqualTo(day("2021-04-15"));
    }

    @Test
    @DisplayName("D5: a missed reminder is still sent while the window is open")
    void aMissedReminderIsSentLateWhileItMeansSomething() {
        SweepStep late = RULES.sweep(offer, day("2021-04-10"));
        assertThat(late.remindersToRecord()).extracting(Reminder::kind)
                .containsExactly(ReminderKind.UPCOMING_ANNIVERSARY, ReminderKind.WINDOW_CLOSING);
        assertThat(late.remindersToRecord()).allMatch(r -> r.sentOn().equals(day("2021-04-10")));
    }

    @Test
    @DisplayName("D5, D20: a reminder delivered after its window closed, or for an AD the offer left, means nothing")
    void aReminderMeansSomethingOnlyWhileItsWindowIsOpenAndTheOfferIsAtItsAnniversary() {
        assertThat(RULES.reminderStillMeansSomething(offer, day("2021-03-15"), day("2021-04-14"))).isTrue();
        assertThat(RULES.reminderStillMeansSomething(offer, day("2021-03-15"), day("2021-04-15"))).isFalse();
        assertThat(RULES.reminderStillMeansSomething(offer, day("2021-03-16"), day("2021-03-20"))).isFalse();
    }

    @Test
    @DisplayName("D4, D5: after the window, no reminders; the offer lapses")
    void afterTheWindowTheOfferLapsesWithoutReminders() {
        SweepStep step = RULES.sweep(offer, day("2021-04-15"));
        assertThat(step.remindersToRecord()).isEmpty();
        assertThat(step.lapse()).isTrue();
        assertThat(step.after().state().lapsedOn()).isEqualTo(day("2021-04-15"));
        assertThat(step.nextDue()).isNull();
        assertThat(RULES.sweep(step.after(), day("2021-05-01")).changesNothing()).isTrue();
    }

    @Test
    @DisplayName("D4: never lapsed on the last day of the window")
    void noLapseOnDayThirty() {
        assertThat(RULES.sweep(offer, day("2021-04-14")).lapse()).isFalse();
    }

    @Test
    @DisplayName("D17: an operator update keeps what was sent for the same AD and takes what is recorded for a new one")
    void anUpdateKeepsSentRemindersForTheSameAnniversaryAndTakesTheRecordsOfANewOne() {
        Offer sent = offer.withReminderSent(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28")).lapsedOn(day("2021-04-15"));
        Offer sameAd = sent.replacedBy(competency("2021-03-15", false), AnniversaryState.NONE);
        assertThat(sameAd.state().sentOn(ReminderKind.UPCOMING_ANNIVERSARY)).isEqualTo(day("2021-02-28"));
        assertThat(sameAd.state().lapsedOn()).isEqualTo(day("2021-04-15"));
        assertThat(sameAd.requirementsMet()).isFalse();
        Offer newAd = sent.replacedBy(competency("2021-06-15", true), AnniversaryState.NONE);
        assertThat(newAd.state().remindersSent()).isEmpty();
        assertThat(newAd.state().lapsed()).isFalse();
        assertThat(RULES.nextDue(newAd)).isEqualTo(day("2021-05-31"));
    }

    @Test
    @DisplayName("D17: an AD that returns keeps the reminder recorded for it on 2021-02-28, and only WINDOW_CLOSING is still due")
    void anAnniversaryThatReturnsKeepsItsRecordedReminder() {
        Offer sent = offer.withReminderSent(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28"));
        Offer moved = sent.replacedBy(competency("2021-04-10", true), AnniversaryState.NONE);
        Offer back = moved.replacedBy(competency("2021-03-15", true),
                AnniversaryState.recorded(java.util.Map.of(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28")), null));
        assertThat(back.state().sentOn(ReminderKind.UPCOMING_ANNIVERSARY)).isEqualTo(day("2021-02-28"));
        assertThat(RULES.nextDue(back)).isEqualTo(day("2021-04-07"));
        assertThat(RULES.sweep(back, day("2021-03-27")).changesNothing()).isTrue();
        assertThat(RULES.sweep(back, day("2021-04-07")).remindersToRecord())
                .extracting(r -> r.kind()).containsExactly(ReminderKind.WINDOW_CLOSING);
    }
}
