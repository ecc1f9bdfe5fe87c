package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.time.LocalDate;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;

/** GET routes: the status of a partner's offers, one offer, and its renewal history. */
@Named(CheckHandler.NAME)
public class CheckHandler extends ApiHandler {

    static final String NAME = "check";

    private final CheckOffer check;

    public CheckHandler(HttpApi http, Identity identity, Access access, CheckOffer check) {
        super(http, identity, access);
        this.check = check;
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        access.requirePartnerAdmin(caller);
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
        };
    }
}
