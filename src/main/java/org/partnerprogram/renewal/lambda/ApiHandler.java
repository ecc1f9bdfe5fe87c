package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;

/**
 * What every API function does before its use case: read the event, find the route among its
 * own, and take the caller from the claims. Subclasses map one route to one use case call.
 */
abstract class ApiHandler implements RequestStreamHandler {

    private final HttpApi http;
    private final Identity identity;
    final Access access;

    ApiHandler(HttpApi http, Identity identity, Access access) {
        this.http = http;
        this.identity = identity;
        this.access = access;
    }

    /** The {@code @Named} name, i.e. the function's QUARKUS_LAMBDA_HANDLER. */
    abstract String name();

    /** Answers one of this function's routes: an exhaustive switch over {@link Route}. */
    abstract ApiResponse route(Route route, Caller caller, ApiRequest request);

    /** For the switch's cases of routes other functions serve: {@link Route#of} never hands them here. */
    static IllegalStateException servedElsewhere(Route route) {
        return new IllegalStateException(route + " is served by the " + route.handler() + " function");
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        http.serve(in, out, context, request -> route(
                Route.of(request, name()).orElseThrow(() -> Problem.of(Problem.Kind.NOT_FOUND, "No such route.")),
                identity.caller(request), request));
    }
}
