package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.time.LocalDate;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;
import org.partnerprogram.renewal.usecase.NotifyPartner;

/** GET routes: the status of a partner's offers, one offer, its renewal history, and the partner's notifications. */
@Named(CheckHandler.NAME)
public class CheckHandler extends ApiHandler {

    static final String NAME = "check";

    private final CheckOffer check;
    private final NotifyPartner notify;

    public CheckHandler(HttpApi http, Identity identity, Access access, CheckOffer check, NotifyPartner notify) {
        super(http, identity, access);
        this.check = check;
        this.notify = notify;
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        if (route == Route.LIST_NOTIFICATIONS) {
            access.requireReader(caller); // D21: the partner's admin, or an operator (any partner)
        } else {
            access.requirePartnerAdmin(caller);
        }
        String partnerId = Requests.id(request, "partnerId");
        return switch (route) {
            case LIST_OFFERS -> {
                LocalDate asOf = check.asOf(Requests.asOf(request));
                yield ApiResponse.json(200, Json.write(Views.list(partnerId, asOf, check.offers(caller, partnerId, asOf))));
            }
            case GET_OFFER -> {
                LocalDate asOf = check.asOf(Requests.asOf(request));
                yield ApiResponse.json(200, Json.write(Views.status(
                        check.offer(caller, partnerId, Requests.id(request, "offerId"), asOf))));
            }
            case LIST_RENEWALS -> ApiResponse.json(200, Json.write(Views.renewals(
                    check.history(caller, partnerId, Requests.id(request, "offerId")))));
            case RENEW, PUT_PARTNER, PUT_OFFER -> throw servedElsewhere(route);
            case LIST_NOTIFICATIONS -> ApiResponse.json(200, Json.write(Views.notifications(notify.list(caller, partnerId))));
        };
    }
}
