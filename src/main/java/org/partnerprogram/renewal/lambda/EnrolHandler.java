package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/** Operator PUT routes: describe a partner, enrol or update an offer. */
@Named(EnrolHandler.NAME)
public class EnrolHandler extends ApiHandler {

    static final String NAME = "enrol";

    private final EnrolOffer enrol;

    public EnrolHandler(HttpApi http, Identity identity, Access access, EnrolOffer enrol) {
        super(http, identity, access);
        this.enrol = enrol;
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        access.requireOperator(caller);
        String partnerId = Requests.id(request, "partnerId");
        return switch (route) {
            case PUT_PARTNER -> ApiResponse.json(200, Json.write(Views.partner(
                    enrol.enrolPartner(caller, Requests.partner(request, partnerId)))));
            case PUT_OFFER -> ApiResponse.json(200, Json.write(Views.offer(
                    enrol.enrolOffer(caller, Requests.offer(request, partnerId, Requests.id(request, "offerId"))))));
            case GET_PARTNER, LIST_DUE, LIST_OFFERS, GET_OFFER, LIST_RENEWALS, RENEW, LIST_NOTIFICATIONS, CONSOLE, CONSOLE_FILE -> throw servedElsewhere(route);
        };
    }
}
