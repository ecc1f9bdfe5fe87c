package org.partnerprogram.renewal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.partnerprogram.renewal.domain.PolicyCatalog;
import org.partnerprogram.renewal.domain.RenewalRules;

/** Produces the plain-Java pieces the handlers share; built once per Lambda instance. */
@ApplicationScoped
public class Wiring {

    @Produces
    @ApplicationScoped
    RenewalRules rules(RenewalConfig config) {
        return rulesFrom(config);
    }

    /** The configured policies, in the configured zone if one overrides theirs (D6, D11). */
    public static RenewalRules rulesFrom(RenewalConfig config) {
        PolicyCatalog catalog = PolicyCatalog.load(config.policies());
        return new RenewalRules(config.zone().filter(zone -> !zone.isBlank()).map(zone -> catalog.inZone(ZoneId.of(zone))).orElse(catalog));
    }

    /** The service clock; the local run replaces it with one that can be pinned. */
    @Produces
    @ApplicationScoped
    @io.quarkus.arc.DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
