package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.domain.PolicyCatalog;
import org.partnerprogram.renewal.domain.RenewalRules;

/** Priming runs the hot path without a table or a network: it must never fail a snapshot. */
class SnapStartPrimingTest {

    @Test
    void primingNeedsNoStoreAndFailsNothing() {
        SnapStartPriming priming = new SnapStartPriming(new RenewalRules(PolicyCatalog.load(List.of("mpn-2021"))));
        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
    }
}
