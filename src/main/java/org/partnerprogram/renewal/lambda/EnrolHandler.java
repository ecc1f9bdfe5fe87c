package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.partnerprogram.renewal.domain.Problem;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/** Operator PUT routes: describe a partner, enrol or update an offer. */
@Named(EnrolHandler.NAME)
public class EnrolHandler implements RequestStreamHandler {

    static final String NAME = "enrol";

    @Inject
    HttpApi http;
    @Inject
    Identity identity;
    @Inject
    Access access;
    @Inject
    EnrolOffer enrol;

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        http.serve(in, out, context, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        Route route = Route.of(request, NAME).orElseThrow(() -> Problem.of(Problem.Kind.NOT_FOUND, "No such route."));
        Caller caller = identity.caller(request);
        access.requireOperator(caller);
        String partnerId = Requests.id(request, "partnerId");
        if (route == Route.PUT_PARTNER) {
            return ApiResponse.json(200, Json.write(Views.partner(enrol.enrolPartner(caller, Requests.partner(request, partnerId)))));
        }
        String offerId = Requests.id(request, "offerId");
        return ApiResponse.json(200, Json.write(Views.offer(enrol.enrolOffer(caller, Requests.offer(request, partnerId, offerId)))));
    }
}
