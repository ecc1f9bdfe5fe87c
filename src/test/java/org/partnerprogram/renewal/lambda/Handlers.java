package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.mail.SesMailer;

/** The functions' handlers wired by hand on {@link Standalone}'s use cases, by function name, for tests without Quarkus. */
final class Handlers {

    private Handlers() {
    }

    static Map<String, RequestStreamHandler> wiredOn(Standalone services, SesMailer mailer, Metrics metrics) {
        Identity identity = new Identity(services.config);
        HttpApi http = new HttpApi();
        return Map.of(
                CheckHandler.NAME, new CheckHandler(http, identity, services.access, services.checkOffer(),
                        services.notifyPartner(mailer), services.listDueWork()),
                RenewHandler.NAME, new RenewHandler(http, identity, services.access, services.renewOffer(), metrics),
                EnrolHandler.NAME, new EnrolHandler(http, identity, services.access, services.enrolOffer()),
                ConsoleHandler.NAME, new ConsoleHandler(http, identity, services.access, services.config, services.today),
                NotifyHandler.NAME, new NotifyHandler(services.notifyPartner(mailer), metrics));
    }
}
