package org.partnerprogram.renewal.lambda;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.store.StorePriming;
import org.partnerprogram.renewal.store.StorePriming.Operation;

/**
 * SnapStart priming (docs/adr/0006-snapstart-priming-answered-in-process.md): before Lambda
 * snapshots a function, run its hot path once so
 * the restored JVM answers its first caller at warm speed: event parsing, the rules, the JSON
 * views, problem+json, and the AWS SDK path of every table operation the function makes and of
 * SES's SendEmail if it sends email, answered in process. The snapshot carries no connection,
 * credential or data: nothing here reaches AWS.
 * On-demand starts never run it (no checkpoint, nothing to pay back).
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** The table operations each function makes (its IAM actions in template.yaml); add a function here. */
    static final Map<String, Set<Operation>> TABLE_OPERATIONS = Map.of(
            CheckHandler.NAME, EnumSet.of(Operation.QUERY, Operation.GET_ITEM),
            RenewHandler.NAME, EnumSet.of(Operation.PUT_ITEM, Operation.QUERY, Operation.TRANSACT_WRITE_ITEMS, Operation.UPDATE_ITEM),
            EnrolHandler.NAME, EnumSet.of(Operation.GET_ITEM, Operation.PUT_ITEM),
            NotifyHandler.NAME, EnumSet.of(Operation.QUERY, Operation.PUT_ITEM),
            ConsoleHandler.NAME, EnumSet.noneOf(Operation.class));

    /** The functions that send email with SES (ses:SendEmail in template.yaml). */
    static final Set<String> SENDS_EMAIL = Set.of(NotifyHandler.NAME);

    private final RenewalRules rules;
    private final StorePriming store;
    private final SesMailer mailer;
    private final String function;

    public SnapStartPriming(RenewalRules rules, StorePriming store, SesMailer mailer,
            @ConfigProperty(name = "quarkus.lambda.handler") String function) {
        this.rules = rules;
        this.store = store;
        this.mailer = mailer;
        this.function = function;
    }

    void register(@Observes StartupEvent startup) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
            LOG.infof("primed function %s before the snapshot", function);
        } catch (RuntimeException e) {
            // A function that was not primed still answers, only its first caller waits longer.
            LOG.warnf(e, "priming function %s failed; its first invocation after a restore will be slower", function);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: priming left no clock reading, connection, credential or data behind.
    }

    /** The work of a check and of a refusal on synthetic values, then the function's table operations and SendEmail. */
    List<SdkPriming.Answered> prime() {
        HttpApi.parse(("{\"routeKey\":\"GET /partners/{partnerId}/offers/{offerId}\",\"pathParameters\":{\"partnerId\":\"p\",\"offerId\":\"o\"},"
                + "\"headers\":{},\"requestContext\":{\"requestId\":\"prime\",\"authorizer\":{\"jwt\":{\"claims\":{\"partner_id\":\"p\","
                + "\"roles\":\"[mpn-partner-admin]\"}}}}}").getBytes(StandardCharsets.UTF_8));
        Offer offer = Offer.enrolled("p", "o", OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
                LocalDate.parse("2021-03-15"), false, new Money(new BigDecimal("4730.00"), "USD"));
        Json.write(Views.status(rules.assess(offer, new Partner("p", "P", true), LocalDate.parse("2021-03-20"))));
        Problems.body(Problem.notFound());
        List<SdkPriming.Answered> answered = new ArrayList<>(store.prime(TABLE_OPERATIONS.getOrDefault(function, Set.of())));
        if (SENDS_EMAIL.contains(function)) {
            answered.addAll(mailer.prime());
        }
        return answered;
    }
}
