package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.renewal.domain.Offers.MIGRATED;
import static org.partnerprogram.renewal.domain.Offers.ON_PMC;
import static org.partnerprogram.renewal.domain.Offers.RULES;
import static org.partnerprogram.renewal.domain.Offers.codes;
import static org.partnerprogram.renewal.domain.Offers.competency;
import static org.partnerprogram.renewal.domain.Offers.day;
import static org.partnerprogram.renewal.domain.Offers.offer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The COVID-19 extension (D7, D8, D9, D13). */
class ExtensionRulesTest {

    /** Assessed inside each AD's own window. */
    static Assessment inWindow(Offer offer, Partner partner) {
        return RULES.assess(offer, partner, offer.anniversaryDate().plusDays(5));
    }

    @ParameterizedTest(name = "AD {0}: exempt = {1}")
    @DisplayName("D7: the extension covers ADs 2021-01-01 .. 2021-06-30 inclusive")
    @CsvSource({"2020-12-31, false", "2021-01-01, true", "2021-06-30, true", "2021-07-01, false"})
    void theExtensionCoversItsAnniversaryRangeInclusive(String anniversaryDate, boolean exempt) {
        Assessment a = inWindow(competency(anniversaryDate, false), MIGRATED);
        assertThat(a.exemption() != null).isEqualTo(exempt);
        assertThat(a.renewable()).isEqualTo(exempt);
        if (!exempt) {
            assertThat(codes(a.blockers())).containsExactly(BlockerCode.REQUIREMENTS_NOT_MET);
        }
    }

    @Test
    @DisplayName("D9, D13: the exemption lasts until the new AD")
    void theExemptionLastsUntilTheNextAnniversary() {
        Assessment a = inWindow(competency("2021-03-15", false), MIGRATED);
        assertThat(a.exemption()).isEqualTo(new Exemption("covid-19-2021h1", day("2022-03-15")));
    }

    @Test
    @DisplayName("The Cloud Business Applications competency is never exempt")
    void cloudBusinessApplicationsIsNeverExempt() {
        Assessment a = inWindow(offer(OfferType.COMPETENCY, "Cloud Business Applications", "2021-03-15", false), MIGRATED);
        assertThat(a.exemption()).isNull();
        assertThat(codes(a.blockers())).containsExactly(BlockerCode.REQUIREMENTS_NOT_MET);
    }

    @Test
    @DisplayName("D13: the Cloud Business Applications exclusion applies to competencies only")
    void advancedSpecializationsAreExemptWhateverTheirArea() {
        assertThat(inWindow(offer(OfferType.ADVANCED_SPECIALIZATION, "Cloud Business Applications", "2021-03-15", false), MIGRATED)
                .exemption()).isNotNull();
        assertThat(inWindow(offer(OfferType.ADVANCED_SPECIALIZATION, "Kubernetes", "2021-03-15", false), MIGRATED).renewable()).isTrue();
    }

    @Test
    @DisplayName("D8, D14: relying on the extension without having left PMC is pmc-migration-required")
    void anExemptOfferOfAPartnerStillOnPmcNeedsMigration() {
        Assessment a = inWindow(competency("2021-03-15", false), ON_PMC);
        assertThat(codes(a.blockers())).containsExactly(BlockerCode.PMC_MIGRATION_REQUIRED);
        assertThat(a.exemption()).isNotNull();
    }

    @Test
    @DisplayName("D8: met requirements need no migration")
    void metRequirementsNeedNoMigration() {
        Assessment a = inWindow(competency("2021-03-15", true), ON_PMC);
        assertThat(a.renewable()).isTrue();
        assertThat(a.blockers()).isEmpty();
    }

    @Test
    @DisplayName("D13: the exemption is shown even when the requirements are met")
    void theExemptionIsShownWhenRequirementsAreMet() {
        assertThat(inWindow(competency("2021-03-15", true), MIGRATED).exemption()).isNotNull();
    }

    @Test
    @DisplayName("D8: outside the extension a partner on PMC is refused for requirements, not migration")
    void withoutTheExtensionMigrationIsNotTheQuestion() {
        Assessment a = inWindow(competency("2021-07-01", false), ON_PMC);
        assertThat(codes(a.blockers())).containsExactly(BlockerCode.REQUIREMENTS_NOT_MET);
    }
}
