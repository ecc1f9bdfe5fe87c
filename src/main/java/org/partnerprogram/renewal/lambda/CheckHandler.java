package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.time.LocalDate;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;
import org.partnerprogram.renewal.usecase.ListDueWork;
import org.partnerprogram.renewal.usecase.NotifyPartner;

/**
 * GET routes: a partner, the status of its offers, one offer, its renewal history, the partner's
 * notifications (partner admins and operators, D21, D22), and the due work (operators, D23).
 */
@Named(CheckHandler.NAME)
public class CheckHandler extends ApiHandler {

    static final String NAME = "check";

    private final CheckOffer check;
    private final NotifyPartner notify;
    private final ListDueWork due;

    public CheckHandler(HttpApi http, Identity identity, Access access, CheckOffer check, NotifyPartner notify,
            ListDueWork due) {
        super(http, identity, access);
        this.check = check;
        this.notify = notify;
        this.due = due;
    }

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
        return switch (route) {
            case GET_PARTNER -> ApiResponse.json(200, Json.write(Views.partner(check.partner(caller, partnerId))));
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
            case LIST_NOTIFICATIONS -> ApiResponse.json(200, Json.write(Views.notifications(notify.list(caller, partnerId))));
            case LIST_DUE, RENEW, PUT_PARTNER, PUT_OFFER, CONSOLE, CONSOLE_FILE -> throw servedElsewhere(route);
        };
    }
}
