package org.partnerprogram.renewal.lambda;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.domain.RenewalRules;

/**
 * SnapStart priming: before Lambda snapshots an API function, run its hot path once (event
 * parsing, the rules, the JSON views, problem+json) so the restored JVM starts with those classes
 * loaded and initialised. Nothing here touches the network or the table: a snapshot must not
 * carry connections or data.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    private final RenewalRules rules;

    public SnapStartPriming(RenewalRules rules) {
        this.rules = rules;
    }

    void register(@Observes StartupEvent startup) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
        LOG.info("primed the hot path before the snapshot");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the service keeps no clock reading, connection or data across invocations.
    }

    /** The work of a check and of a refusal, on synthetic values. */
    void prime() {
        HttpApi.parse(("{\"routeKey\":\"GET /partners/{partnerId}/offers/{offerId}\",\"pathParameters\":{\"partnerId\":\"p\",\"offerId\":\"o\"},"
                + "\"headers\":{},\"requestContext\":{\"requestId\":\"prime\",\"authorizer\":{\"jwt\":{\"claims\":{\"partner_id\":\"p\","
                + "\"roles\":\"[mpn-partner-admin]\"}}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Offer offer = Offer.enrolled("p", "o", OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
                LocalDate.parse("2021-03-15"), false, new Money(new BigDecimal("4730.00"), "USD"));
        Json.write(Views.status(rules.assess(offer, new Partner("p", "P", true), LocalDate.parse("2021-03-20"))));
        Problems.body(Problem.notFound());
    }
}
