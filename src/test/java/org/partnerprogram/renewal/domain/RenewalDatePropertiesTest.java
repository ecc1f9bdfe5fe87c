package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.renewal.domain.Offers.MIGRATED;
import static org.partnerprogram.renewal.domain.Offers.RULES;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The date rules hold for any AD, not only the examples (jqwik). */
class RenewalDatePropertiesTest {

    @Provide
    Arbitrary<LocalDate> anniversaries() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    static Offer offerOn(LocalDate anniversary) {
        return Offer.enrolled("p", "o", OfferType.COMPETENCY, "n", "Cloud Platform", anniversary, true, Offers.FEE);
    }

    @Property
    void exactlyThirtyDaysAreRenewableStartingTheDayAfterTheAnniversary(@ForAll("anniversaries") LocalDate ad) {
        Offer offer = offerOn(ad);
        long renewable = 0;
        for (int d = -5; d <= 40; d++) {
            boolean open = RULES.assess(offer, MIGRATED, ad.plusDays(d)).renewable();
            assertThat(open).as("day %d", d).isEqualTo(d >= 1 && d <= 30);
            renewable += open ? 1 : 0;
        }
        assertThat(renewable).isEqualTo(30);
    }

    @Property
    void daysLeftToRenewAreTheRenewableDaysFromThatDayOn(@ForAll("anniversaries") LocalDate ad,
            @ForAll @IntRange(min = -20, max = 35) int offset) {
        Offer offer = offerOn(ad);
        LocalDate day = ad.plusDays(offset);
        int renewableFromThen = 0;
        for (LocalDate d = day; !d.isAfter(ad.plusDays(35)); d = d.plusDays(1)) {
            renewableFromThen += RULES.assess(offer, MIGRATED, d).renewable() ? 1 : 0;
        }
        assertThat(RULES.assess(offer, MIGRATED, day).daysLeftToRenew()).isEqualTo(renewableFromThen);
    }

    @Property
    void theNewAnniversaryIsAlways365DaysLater(@ForAll("anniversaries") LocalDate ad, @ForAll @IntRange(min = 1, max = 30) int day) {
        RenewalDecision.Approved renewed = (RenewalDecision.Approved) RULES.decide(offerOn(ad), MIGRATED, Offers.paid("4730", "USD"), ad.plusDays(day));
        assertThat(ChronoUnit.DAYS.between(ad, renewed.newAnniversaryDate())).isEqualTo(365);
    }

    @Property
    void remindersFallFifteenDaysBeforeAndTwentyThreeDaysAfter(@ForAll("anniversaries") LocalDate ad) {
        Assessment a = RULES.assess(offerOn(ad), MIGRATED, ad);
        assertThat(a.reminders()).extracting(Reminder::due).containsExactly(ad.minusDays(15), ad.plusDays(23));
    }

    @Property
    void statusOnlyMovesForwardInTime(@ForAll("anniversaries") LocalDate ad,
            @ForAll @IntRange(min = -60, max = 60) int first, @ForAll @IntRange(min = 0, max = 60) int later) {
        Offer offer = offerOn(ad);
        OfferStatus before = RULES.assess(offer, MIGRATED, ad.plusDays(first)).status();
        OfferStatus after = RULES.assess(offer, MIGRATED, ad.plusDays(first + later)).status();
        assertThat(after.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
    }

    @Property(tries = 200)
    void sweepingEveryDayRecordsEachReminderOnceAndLapsesOnceOnDay31(@ForAll("anniversaries") LocalDate ad) {
        Offer offer = offerOn(ad);
        Map<ReminderKind, LocalDate> recorded = new EnumMap<>(ReminderKind.class);
        LocalDate lapsedOn = null;
        for (LocalDate day = ad.minusDays(20); !day.isAfter(ad.plusDays(40)); day = day.plusDays(1)) {
            SweepStep step = RULES.sweep(offer, day);
            for (Reminder reminder : step.remindersToRecord()) {
                assertThat(recorded.put(reminder.kind(), day)).as("%s recorded twice", reminder.kind()).isNull();
            }
            if (step.lapse()) {
                assertThat(lapsedOn).as("lapsed twice").isNull();
                lapsedOn = day;
            }
            offer = step.after();
        }
        assertThat(recorded).containsEntry(ReminderKind.UPCOMING_ANNIVERSARY, ad.minusDays(15))
                .containsEntry(ReminderKind.WINDOW_CLOSING, ad.plusDays(23));
        assertThat(lapsedOn).isEqualTo(ad.plusDays(31));
    }
}
