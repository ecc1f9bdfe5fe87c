package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.renewal.domain.Offers.day;

import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** D6, D11: policies are data, effective-dated by the AD being renewed. */
class PolicyCatalogTest {

    static final Policy MPN_2021 = PolicyCatalog.load(List.of("mpn-2021")).policies().get(0);

    static Policy later(String effectiveFrom) {
        return new Policy("mpn-2022", day(effectiveFrom), ZoneId.of("UTC"), 1, 60, 365, MPN_2021.reminders(), List.of());
    }

    @Test
    @DisplayName("mpn-2021 is the page's rules, read from its resource file")
    void theFirstPolicyIsTheDataOfThePage() {
        assertThat(MPN_2021.id()).isEqualTo("mpn-2021");
        assertThat(MPN_2021.effectiveFrom()).isNull();
        assertThat(MPN_2021.opensAfterDays()).isEqualTo(1);
        assertThat(MPN_2021.closesAfterDays()).isEqualTo(30);
        assertThat(MPN_2021.newAnniversaryDays()).isEqualTo(365);
        assertThat(MPN_2021.extensions()).singleElement().satisfies(e -> {
            assertThat(e.program()).isEqualTo("covid-19-2021h1");
            assertThat(e.excludedCompetencyAreas()).containsExactly("Cloud Business Applications");
            assertThat(e.requiresPartnerCenterMigration()).isTrue();
        });
    }

    @Test
    @DisplayName("D11: the AD picks the policy; mpn-2021 has no lower bound")
    void theAnniversaryPicksThePolicy() {
        PolicyCatalog catalog = PolicyCatalog.of(later("2022-01-01"), MPN_2021);
        assertThat(catalog.governing(day("1999-01-01")).id()).isEqualTo("mpn-2021");
        assertThat(catalog.governing(day("2021-12-31")).id()).isEqualTo("mpn-2021");
        assertThat(catalog.governing(day("2022-01-01")).id()).isEqualTo("mpn-2022");
    }

    @Test
    @DisplayName("D11: a second policy changes the rules by data alone, and is stamped on the answer")
    void aLaterPolicyGovernsItsAnniversaries() {
        RenewalRules rules = new RenewalRules(PolicyCatalog.of(MPN_2021, later("2022-01-01")));
        Offer offer = Offers.competency("2022-03-15", true);
        Assessment a = rules.assess(offer, Offers.MIGRATED, day("2022-05-01"));
        assertThat(a.policy().id()).isEqualTo("mpn-2022");
        assertThat(a.window().closes()).isEqualTo(day("2022-05-14"));
        assertThat(a.renewable()).isTrue();
    }

    @Test
    @DisplayName("D6: today is the date in the policy zone")
    void todayIsTheDateInThePolicyZone() {
        PolicyCatalog utc = PolicyCatalog.of(MPN_2021);
        Instant lateEvening = Instant.parse("2021-03-15T23:30:00Z");
        assertThat(utc.today(lateEvening)).isEqualTo(day("2021-03-15"));
        assertThat(utc.inZone(ZoneId.of("Asia/Tokyo")).today(lateEvening)).isEqualTo(day("2021-03-16"));
    }

    @Test
    void anUnknownPolicyIsAClearError() {
        assertThatThrownBy(() -> PolicyCatalog.load(List.of("mpn-1999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policies/mpn-1999.properties");
    }

    @Test
    void aCatalogWithoutAnUnboundedPolicyIsRefused() {
        assertThatThrownBy(() -> PolicyCatalog.of(later("2022-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no lower bound");
    }

    @Test
    @DisplayName("D11: policies given in any order govern by effectiveFrom")
    void policiesGivenInAnyOrderGovernByTheirDates() {
        Policy y2023 = new Policy("mpn-2023", day("2023-01-01"), ZoneId.of("UTC"), 1, 45, 365, MPN_2021.reminders(), List.of());
        PolicyCatalog catalog = PolicyCatalog.of(y2023, MPN_2021, later("2022-01-01"));
        assertThat(catalog.policies()).extracting(Policy::id).containsExactly("mpn-2021", "mpn-2022", "mpn-2023");
        assertThat(catalog.governing(day("2022-06-30")).id()).isEqualTo("mpn-2022");
        assertThat(catalog.governing(day("2023-06-30")).id()).isEqualTo("mpn-2023");
    }

    @Test
    void policiesInTwoZonesAreRefused() {
        Policy tokyo = new Policy("mpn-2022", day("2022-01-01"), ZoneId.of("Asia/Tokyo"), 1, 60, 365, MPN_2021.reminders(), List.of());
        assertThatThrownBy(() -> PolicyCatalog.of(MPN_2021, tokyo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one zone");
    }
}
