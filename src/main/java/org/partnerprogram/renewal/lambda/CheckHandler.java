package org.partnerprogram.renewal.lambda;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;
import org.partnerprogram.renewal.usecase.NotifyPartner;

/** GET routes: the status of a partner's offers, one offer, its renewal history, and the partner's notifications. */
@Named(CheckHandler.NAME)
public class CheckHandler extends ApiHandler {

    static final String NAME = "check";

    @Inject
    CheckOffer check;

    @Override
    String name() {
        return NAME;
    }

    @Inject
    NotifyPartner notify;

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        if (route == Route.LIST_NOTIFICATIONS) {
            access.requireReader(caller);
            return ApiResponse.json(200, Json.write(Views.notifications(notify.list(caller, Requests.id(request, "partnerId")))));
        }
        access.requirePartnerAdmin(caller);
        String partnerId = Requests.id(request, "partnerId");
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
