package org.partnerprogram.renewal.lambda;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every HTTP route of the contract (section 3) and the function that serves it. template.yaml
 * declares the same routes; a test checks that the two agree.
 */
public enum Route {
    GET_PARTNER("GET /partners/{partnerId}", CheckHandler.NAME),
    LIST_DUE("GET /due", CheckHandler.NAME),
    LIST_OFFERS("GET /partners/{partnerId}/offers", CheckHandler.NAME),
    GET_OFFER("GET /partners/{partnerId}/offers/{offerId}", CheckHandler.NAME),
    LIST_RENEWALS("GET /partners/{partnerId}/offers/{offerId}/renewals", CheckHandler.NAME),
    LIST_NOTIFICATIONS("GET /partners/{partnerId}/notifications", CheckHandler.NAME),
    RENEW("POST /partners/{partnerId}/offers/{offerId}/renewals", RenewHandler.NAME),
    PUT_PARTNER("PUT /partners/{partnerId}", EnrolHandler.NAME),
    PUT_OFFER("PUT /partners/{partnerId}/offers/{offerId}", EnrolHandler.NAME),
    /** The console's page and files (no authorizer: the page signs in: docs/adr/0005-console-served-by-the-http-api.md). */
    CONSOLE("GET /console", ConsoleHandler.NAME),
    CONSOLE_FILE("GET /console/{proxy+}", ConsoleHandler.NAME);

    private final String routeKey;
    private final String handler;

    Route(String routeKey, String handler) {
        this.routeKey = routeKey;
        this.handler = handler;
    }

    public String routeKey() {
        return routeKey;
    }

    /** The {@code @Named} handler, i.e. the function's QUARKUS_LAMBDA_HANDLER. */
    public String handler() {
        return handler;
    }

    /** Part of the API contract (openapi.yaml), as opposed to the console's files. */
    public boolean isApi() {
        return !handler.equals(ConsoleHandler.NAME);
    }

    /** The route of an event, if it is one this handler serves. */
    static Optional<Route> of(ApiRequest request, String handler) {
        return Arrays.stream(values())
                .filter(route -> route.routeKey.equals(request.routeKey()) && route.handler.equals(handler))
                .findFirst();
    }
}
