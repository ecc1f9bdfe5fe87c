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
    @DisplayName("D4, D5: after the window, no reminders; the offer lapses")
    void afterTheWindowTheOfferLapsesWithoutReminders() {
        SweepStep step = RULES.sweep(offer, day("2021-04-15"));
        assertThat(step.remindersToRecord()).isEmpty();
        assertThat(step.lapse()).isTrue();
        assertThat(step.after().lapsedOn()).isEqualTo(day("2021-04-15"));
        assertThat(step.nextDue()).isNull();
        assertThat(RULES.sweep(step.after(), day("2021-05-01")).changesNothing()).isTrue();
    }

    @Test
    @DisplayName("D4: never lapsed on the last day of the window")
    void noLapseOnDayThirty() {
        assertThat(RULES.sweep(offer, day("2021-04-14")).lapse()).isFalse();
    }

    @Test
    @DisplayName("D17: an operator update keeps what was sent for the same AD and forgets it for a new one")
    void anUpdateKeepsSentRemindersOnlyForTheSameAnniversary() {
        Offer sent = offer.withReminderSent(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28")).lapsedOn(day("2021-04-15"));
        Offer sameAd = sent.replacedBy(competency("2021-03-15", false));
        assertThat(sameAd.remindersSent()).containsKey(ReminderKind.UPCOMING_ANNIVERSARY);
        assertThat(sameAd.lapsedOn()).isEqualTo(day("2021-04-15"));
        assertThat(sameAd.requirementsMet()).isFalse();
        Offer newAd = sent.replacedBy(competency("2021-06-15", true));
        assertThat(newAd.remindersSent()).isEmpty();
        assertThat(newAd.lapsedOn()).isNull();
        assertThat(RULES.nextDue(newAd)).isEqualTo(day("2021-05-31"));
    }
}
