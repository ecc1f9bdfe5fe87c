package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.partnerprogram.renewal.domain.Problem;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;

/**
 * What every API function does before its use case: read the event, find the route among its
 * own, and take the caller from the claims. Subclasses map one route to one use case call.
 */
abstract class ApiHandler implements RequestStreamHandler {

    @Inject
    HttpApi http;
    @Inject
    Identity identity;
    @Inject
    Access access;

    /** The {@code @Named} name, i.e. the function's QUARKUS_LAMBDA_HANDLER. */
    abstract String name();

    abstract ApiResponse route(Route route, Caller caller, ApiRequest request);

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        http.serve(in, out, context, request -> route(
                Route.of(request, name()).orElseThrow(() -> Problem.of(Problem.Kind.NOT_FOUND, "No such route.")),
                identity.caller(request), request));
    }
}
