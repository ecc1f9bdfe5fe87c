package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.List;

/** The answer to "renew this offer today with this payment". */
public sealed interface RenewalDecision {

    /** Renewed: the offer moves to {@code newAnniversaryDate} (D3, D9). */
    record Approved(Policy policy, LocalDate previousAnniversaryDate, LocalDate newAnniversaryDate,
            Exemption exemption) implements RenewalDecision {
    }

    /** Refused by a rule; blockers in D14 order, the first is the refusal's code. */
    record Refused(List<Blocker> blockers) implements RenewalDecision {
        public Refused {
            if (blockers.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a blocker");
            }
            blockers = List.copyOf(blockers);
        }
    }

    /** D10, D14: nothing else in the way, but the fee is above zero and no payment came. */
    record PaymentRequired(Money fee) implements RenewalDecision {
    }
}
