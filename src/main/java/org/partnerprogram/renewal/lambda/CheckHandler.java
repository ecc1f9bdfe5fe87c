package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import org.partnerprogram.renewal.domain.Problem;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.CheckOffer;

/** GET routes: the status of a partner's offers, one offer, and its renewal history. */
@Named(CheckHandler.NAME)
public class CheckHandler implements RequestStreamHandler {

    static final String NAME = "check";

    @Inject
    HttpApi http;
    @Inject
    Identity identity;
    @Inject
    Access access;
    @Inject
    CheckOffer check;

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        http.serve(in, out, context, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        Route route = Route.of(request, NAME).orElseThrow(() -> Problem.of(Problem.Kind.NOT_FOUND, "No such route."));
        Caller caller = identity.caller(request);
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
