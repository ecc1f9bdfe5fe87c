package org.partnerprogram.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.renewal.domain.Offers.MIGRATED;
import static org.partnerprogram.renewal.domain.Offers.ON_PMC;
import static org.partnerprogram.renewal.domain.Offers.RULES;
import static org.partnerprogram.renewal.domain.Offers.codes;
import static org.partnerprogram.renewal.domain.Offers.competency;
import static org.partnerprogram.renewal.domain.Offers.day;
import static org.partnerprogram.renewal.domain.Offers.paid;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** D10, D14, D15: payment and the order of refusals. */
class RenewalDecisionTest {

    static final LocalDate IN_WINDOW = day("2021-03-20");
    final Offer offer = competency("2021-03-15", true);

    @Test
    @DisplayName("D15: amounts compare numerically")
    void aPaymentOfTheFeeWrittenDifferentlyMatches() {
        assertThat(RULES.decide(offer, MIGRATED, paid("4730", "USD"), IN_WINDOW)).isInstanceOf(RenewalDecision.Approved.class);
        assertThat(RULES.decide(offer, MIGRATED, paid("4730.000", "USD"), IN_WINDOW)).isInstanceOf(RenewalDecision.Approved.class);
    }

    @Test
    @DisplayName("D10: a payment of the wrong amount or currency is a payment-mismatch")
    void aWrongAmountOrCurrencyIsAMismatch() {
        for (Payment wrong : new Payment[] {paid("4729.99", "USD"), paid("4730.00", "EUR")}) {
            RenewalDecision decision = RULES.decide(offer, MIGRATED, wrong, IN_WINDOW);
            assertThat(codes(((RenewalDecision.Refused) decision).blockers())).containsExactly(BlockerCode.PAYMENT_MISMATCH);
        }
    }

    @Test
    @DisplayName("D14: no payment with nothing else in the way is payment-required")
    void noPaymentForAFeeIsPaymentRequired() {
        RenewalDecision decision = RULES.decide(offer, MIGRATED, null, IN_WINDOW);
        assertThat(decision).isEqualTo(new RenewalDecision.PaymentRequired(Offers.FEE));
    }

    @Test
    @DisplayName("D10: a zero fee needs no payment")
    void aZeroFeeNeedsNoPayment() {
        Offer free = Offer.enrolled("contoso", "free", OfferType.ADVANCED_SPECIALIZATION, "n", "a", day("2021-03-15"), true,
                new Money(BigDecimal.ZERO, "USD"));
        assertThat(RULES.decide(free, MIGRATED, null, IN_WINDOW)).isInstanceOf(RenewalDecision.Approved.class);
    }

    @Test
    @DisplayName("D14: a rule refusal comes before the missing payment")
    void aClosedWindowWithoutPaymentIsRefusedNotPaymentRequired() {
        RenewalDecision decision = RULES.decide(offer, MIGRATED, null, day("2021-04-20"));
        assertThat(codes(((RenewalDecision.Refused) decision).blockers())).containsExactly(BlockerCode.RENEWAL_WINDOW_CLOSED);
    }

    @Test
    @DisplayName("D14: every blocker, in order; the first is the code")
    void blockersAreListedInDecisionOrder() {
        Offer exemptUnmet = competency("2021-03-15", false);
        RenewalDecision decision = RULES.decide(exemptUnmet, ON_PMC, paid("1", "EUR"), day("2021-04-20"));
        assertThat(codes(((RenewalDecision.Refused) decision).blockers())).containsExactly(
                BlockerCode.RENEWAL_WINDOW_CLOSED, BlockerCode.PMC_MIGRATION_REQUIRED, BlockerCode.PAYMENT_MISMATCH);
        RenewalDecision early = RULES.decide(competency("2021-07-15", false), MIGRATED, paid("1", "USD"), day("2021-07-01"));
        assertThat(codes(((RenewalDecision.Refused) early).blockers())).containsExactly(
                BlockerCode.RENEWAL_WINDOW_NOT_OPEN, BlockerCode.REQUIREMENTS_NOT_MET, BlockerCode.PAYMENT_MISMATCH);
    }

    @Test
    @DisplayName("D9: a renewal that relied on the extension records exemptUntil = the new AD")
    void aRenewalUnderTheExtensionCarriesItsExemption() {
        RenewalDecision.Approved approved = (RenewalDecision.Approved) RULES.decide(competency("2021-03-15", false), MIGRATED,
                paid("4730.00", "USD"), IN_WINDOW);
        assertThat(approved.exemption()).isEqualTo(new Exemption("covid-19-2021h1", day("2022-03-15")));
    }
}
