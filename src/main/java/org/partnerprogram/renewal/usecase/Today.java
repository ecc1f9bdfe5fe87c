package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.partnerprogram.renewal.domain.RenewalRules;

/** The service clock read as the rules need it: an instant, and its date in the policy zone (D6). */
@ApplicationScoped
public class Today {

    private final Clock clock;
    private final RenewalRules rules;

    public Today(Clock clock, RenewalRules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate date() {
        return rules.policies().today(clock.instant());
    }
}
