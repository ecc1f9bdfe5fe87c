package org.partnerprogram.renewal.lambda;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;
import org.partnerprogram.renewal.usecase.ListDueWork;

/**
 * GET routes: a partner, the status of its offers, one offer, its renewal history (partner admins
 * and operators, D22), and the due work (operators, D23).
 */
@Named(CheckHandler.NAME)
public class CheckHandler extends ApiHandler {

    static final String NAME = "check";

    @Inject
    CheckOffer check;
    @Inject
    ListDueWork due;

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        if (route == Route.LIST_DUE) {
            access.requireOperator(caller);
            Requests.DueQuery query = Requests.dueQuery(request);
            return ApiResponse.json(200, Json.write(Views.due(query.from(), query.to(),
                    due.due(caller, query.from(), query.to(), query.limit(), query.after()))));
        }
        access.requireReader(caller);
        String partnerId = Requests.id(request, "partnerId");
        if (route == Route.GET_PARTNER) {
            return ApiResponse.json(200, Json.write(Views.partner(check.partner(caller, partnerId))));
        }
        if (route == Route.LIST_OFFERS) {
            LocalDate asOf = check.asOf(Requests.asOf(request));
            return ApiResponse.json(200, Json.write(Views.list(partnerId, asOf, check.offers(caller, partnerId, asOf))));
        }
        String offerId = Requests.id(request, "offerId");
        if (route == Route.GET_OFFER) {
            LocalDate asOf = check.asOf(Requests.asOf(request));
            return ApiResponse.json(200, Json.write(Views.status(check.offer(caller, partnerId, offerId, asOf))));
        }
        return ApiResponse.json(200, Json.write(Views.renewals(check.history(caller, partnerId, offerId))));
    }
}
