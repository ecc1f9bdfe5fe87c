package org.partnerprogram.renewal.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.partnerprogram.renewal.domain.Assessment;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.domain.PolicyCatalog;
import org.partnerprogram.renewal.domain.RenewalDecision;
import org.partnerprogram.renewal.domain.RenewalRules;

/** JMH: one evaluation of the rules for one offer (an exempt competency inside its window). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainDecisionBench {

    final RenewalRules rules = new RenewalRules(PolicyCatalog.load(List.of("mpn-2021")));
    final Offer offer = Offer.enrolled("p", "o", OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
            LocalDate.parse("2021-03-15"), false, new Money(new BigDecimal("4730.00"), "USD"));
    final Partner partner = new Partner("p", "P", true);
    final Payment payment = new Payment("pay", new Money(new BigDecimal("4730"), "USD"));
    final LocalDate today = LocalDate.parse("2021-03-20");

    @Benchmark
    public Assessment assess() {
        return rules.assess(offer, partner, today);
    }

    @Benchmark
    public RenewalDecision decide() {
        return rules.decide(offer, partner, payment, today);
    }
}
