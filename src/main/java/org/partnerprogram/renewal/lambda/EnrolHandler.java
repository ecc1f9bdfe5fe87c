package org.partnerprogram.renewal.lambda;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/** Operator PUT routes: describe a partner, enrol or update an offer. */
@Named(EnrolHandler.NAME)
public class EnrolHandler extends ApiHandler {

    static final String NAME = "enrol";

    @Inject
    EnrolOffer enrol;

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        access.requireOperator(caller);
        String partnerId = Requests.id(request, "partnerId");
        if (route == Route.PUT_PARTNER) {
            return ApiResponse.json(200, Json.write(Views.partner(enrol.enrolPartner(caller, Requests.partner(request, partnerId)))));
        }
        String offerId = Requests.id(request, "offerId");
        return ApiResponse.json(200, Json.write(Views.offer(enrol.enrolOffer(caller, Requests.offer(request, partnerId, offerId)))));
    }
}
