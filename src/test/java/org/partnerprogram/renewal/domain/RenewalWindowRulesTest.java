package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.renewal.domain.Offers.FEE;
import static org.partnerprogram.renewal.domain.Offers.MIGRATED;
import static org.partnerprogram.renewal.domain.Offers.RULES;
import static org.partnerprogram.renewal.domain.Offers.codes;
import static org.partnerprogram.renewal.domain.Offers.competency;
import static org.partnerprogram.renewal.domain.Offers.day;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** D1-D5: the window, the new AD, the reminders and the status, as the page states them. */
class RenewalWindowRulesTest {

    final Offer offer = competency("2021-03-15", true);

    @Test
    @DisplayName("AD 2021-03-15: window 03-16..04-14, reminders 02-28 and 04-07, new AD 2022-03-15 (D1, D2, D3, D5)")
    void theDatesOfAnAnniversary() {
        Assessment a = RULES.assess(offer, MIGRATED, day("2021-03-20"));
        assertThat(a.window()).isEqualTo(new RenewalWindow(day("2021-03-16"), day("2021-04-14")));
        assertThat(a.reminders()).extracting(Reminder::kind, Reminder::due).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28")),
                org.assertj.core.groups.Tuple.tuple(ReminderKind.WINDOW_CLOSING, day("2021-04-07")));
        RenewalDecision.Approved renewed = (RenewalDecision.Approved) RULES.decide(offer, MIGRATED, Offers.paid("4730.00", "USD"), day("2021-03-20"));
        assertThat(renewed.newAnniversaryDate()).isEqualTo(day("2022-03-15"));
        assertThat(renewed.previousAnniversaryDate()).isEqualTo(day("2021-03-15"));
        assertThat(renewed.policy().id()).isEqualTo("mpn-2021");
    }

    @Test
    @DisplayName("D1: the AD itself is not renewable")
    void renewingOnTheAnniversaryItselfIsRefused() {
        Assessment a = RULES.assess(offer, MIGRATED, day("2021-03-15"));
        assertThat(a.status()).isEqualTo(OfferStatus.ACTIVE);
        assertThat(a.benefitsActive()).isTrue();
        assertThat(codes(a.blockers())).containsExactly(BlockerCode.RENEWAL_WINDOW_NOT_OPEN);
        assertThat(RULES.decide(offer, MIGRATED, Offers.paid("4730.00", "USD"), day("2021-03-15")))
                .isInstanceOf(RenewalDecision.Refused.class);
    }

    @Test
    @DisplayName("D1: the day after the AD opens the window")
    void renewingOnDayOneIsAllowed() {
        assertThat(RULES.decide(offer, MIGRATED, Offers.paid("4730.00", "USD"), day("2021-03-16")))
                .isInstanceOf(RenewalDecision.Approved.class);
    }

    @Test
    @DisplayName("D2: day 30 is the last day, benefits intact")
    void renewingOnDayThirtyKeepsBenefits() {
        Assessment a = RULES.assess(offer, MIGRATED, day("2021-04-14"));
        assertThat(a.status()).isEqualTo(OfferStatus.IN_RENEWAL_WINDOW);
        assertThat(a.benefitsActive()).isTrue();
        assertThat(a.renewable()).isTrue();
        RenewalDecision.Approved renewed = (RenewalDecision.Approved) RULES.decide(offer, MIGRATED, Offers.paid("4730.00", "USD"), day("2021-04-14"));
        assertThat(renewed.newAnniversaryDate()).isEqualTo(day("2022-03-15"));
    }

    @Test
    @DisplayName("D4: day 31 is too late; the offer has lapsed and its benefits are lost")
    void renewingOnDayThirtyOneIsRefusedAndTheOfferHasLapsed() {
        Assessment a = RULES.assess(offer, MIGRATED, day("2021-04-15"));
        assertThat(a.status()).isEqualTo(OfferStatus.LAPSED);
        assertThat(a.benefitsActive()).isFalse();
        RenewalDecision decision = RULES.decide(offer, MIGRATED, Offers.paid("4730.00", "USD"), day("2021-04-15"));
        assertThat(codes(((RenewalDecision.Refused) decision).blockers())).containsExactly(BlockerCode.RENEWAL_WINDOW_CLOSED);
    }

    @Test
    @DisplayName("D2: before the window opens, every day of it is still ahead: 30 days left")
    void beforeTheWindowOpensTheWholeWindowIsLeftToRenew() {
        assertThat(RULES.assess(offer, MIGRATED, day("2021-02-28")).daysLeftToRenew()).isEqualTo(30);
        assertThat(RULES.assess(offer, MIGRATED, day("2021-03-15")).daysLeftToRenew()).isEqualTo(30);
        assertThat(RULES.assess(offer, MIGRATED, day("2021-03-16")).daysLeftToRenew()).isEqualTo(30);
    }

    @Test
    @DisplayName("D2: days left count today: 8 on AD + 23, 1 on the last day, 0 once closed")
    void daysLeftToRenewCountTodayAndTheLastDayOfTheWindow() {
        assertThat(RULES.assess(offer, MIGRATED, day("2021-04-07")).daysLeftToRenew()).isEqualTo(8);
        assertThat(RULES.assess(offer, MIGRATED, day("2021-04-14")).daysLeftToRenew()).isEqualTo(1);
        assertThat(RULES.assess(offer, MIGRATED, day("2021-04-15")).daysLeftToRenew()).isZero();
        assertThat(RULES.assess(offer, MIGRATED, day("2022-01-01")).daysLeftToRenew()).isZero();
    }

    @Test
    @DisplayName("D3: 365 days, across a 29 February the AD drifts one calendar day")
    void theNewAnniversaryIs365DaysLaterEvenAcrossALeapDay() {
        Offer march = competency("2023-03-01", true);
        RenewalDecision.Approved renewed = (RenewalDecision.Approved) RULES.decide(march, MIGRATED, Offers.paid("4730", "USD"), day("2023-03-10"));
        assertThat(renewed.newAnniversaryDate()).isEqualTo(day("2024-02-29"));
    }

    @Test
    @DisplayName("D3: the new AD does not depend on the day of the renewal inside the window")
    void theNewAnniversaryIsTheSameOnAnyDayOfTheWindow() {
        for (int d = 1; d <= 30; d++) {
            RenewalDecision.Approved renewed = (RenewalDecision.Approved) RULES.decide(offer, MIGRATED,
                    Offers.paid("4730.00", "USD"), day("2021-03-15").plusDays(d));
            assertThat(renewed.newAnniversaryDate()).isEqualTo(day("2022-03-15"));
        }
    }

    @Test
    @DisplayName("D5: renewing starts a new anniversary with nothing sent for it")
    void aRenewedOfferStartsWithNoRemindersSent() {
        Offer sent = offer.withReminderSent(ReminderKind.UPCOMING_ANNIVERSARY, day("2021-02-28"));
        Offer renewed = sent.renewedTo(day("2022-03-15"), null);
        assertThat(renewed.state().remindersSent()).isEmpty();
        assertThat(RULES.nextDue(renewed)).isEqualTo(day("2022-02-28"));
        assertThat(renewed.renewalFee()).isEqualTo(FEE);
    }
}
