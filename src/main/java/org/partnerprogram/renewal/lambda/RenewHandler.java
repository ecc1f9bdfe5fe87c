package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.Outcome;
import org.partnerprogram.renewal.usecase.RenewOffer;

/** POST .../renewals: renew an offer, idempotently per Idempotency-Key. */
@Named(RenewHandler.NAME)
public class RenewHandler extends ApiHandler {

    static final String NAME = "renew";

    /** How outcomes are written, and so stored for replay byte for byte. */
    private static final Outcome.Renderer RENDER = new Outcome.Renderer() {
        @Override
        public Outcome renewed(Renewal renewal) {
            return new Outcome(201, Json.write(Views.renewal(renewal)), null, false);
        }

        @Override
        public Outcome problem(Problem problem) {
            return new Outcome(Problems.status(problem.kind()), Problems.body(problem), problem.code(), false);
        }
    };

    private final RenewOffer renew;
    private final Metrics metrics;

    public RenewHandler(HttpApi http, Identity identity, Access access, RenewOffer renew, Metrics metrics) {
        super(http, identity, access);
        this.renew = renew;
        this.metrics = metrics;
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        return switch (route) {
            case RENEW -> renew(caller, request);
            case GET_PARTNER, LIST_DUE, LIST_OFFERS, GET_OFFER, LIST_RENEWALS, PUT_PARTNER, PUT_OFFER, LIST_NOTIFICATIONS, CONSOLE, CONSOLE_FILE
                    -> throw servedElsewhere(route);
        };
    }

    private ApiResponse renew(Caller caller, ApiRequest request) {
        access.requirePartnerAdmin(caller);
        RenewOffer.Command command = new RenewOffer.Command(caller, Requests.id(request, "partnerId"),
                Requests.id(request, "offerId"), Requests.idempotencyKey(request), Requests.payment(request),
                request.requestId());
        Outcome outcome = renew.renew(command, RENDER);
        count(outcome);
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", outcome.status() < 300 ? ApiResponse.JSON : ApiResponse.PROBLEM_JSON);
        if (outcome.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return new ApiResponse(outcome.status(), headers, outcome.body());
    }

    private void count(Outcome outcome) {
        if (outcome.replayed()) {
            metrics.count("IdempotentReplays", 1);
        } else if (outcome.code() == null) {
            metrics.count("Renewals", 1);
        } else {
            metrics.count("Refusals", 1, Map.of("Code", outcome.code()));
        }
    }
}
