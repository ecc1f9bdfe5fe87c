package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.Today;

/**
 * The console (docs/adr/0005-console-served-by-the-http-api.md): its files from the classpath
 * under {@code console/}, the page itself for every other path (the console
 * routes in the browser, so a deep link such as /console/partners/p/offers/o opens it), and
 * {@code config.json}, the sign-in settings of this deployment. Nothing here needs a token: the
 * page holds no data, and the API behind the JWT authorizer answers only to a signed-in person.
 */
@Named(ConsoleHandler.NAME)
public class ConsoleHandler extends ApiHandler {

    static final String NAME = "console";
    /** Where the console is served by the HTTP API; the local run serves it at / instead. */
    public static final String BASE_PATH = "/console";

    private final RenewalConfig.Console console;
    private final RenewalConfig.Auth auth;
    private final Today today;
    private final String contentSecurityPolicy;

    public ConsoleHandler(HttpApi http, Identity identity, Access access, RenewalConfig config, Today today) {
        super(http, identity, access);
        this.console = config.console();
        this.auth = config.auth();
        this.today = today;
        this.contentSecurityPolicy = contentSecurityPolicy(console.issuer());
    }

    /**
     * The page calls only its own origin (the API) and the issuer: {@code https:} covers an issuer
     * whose token endpoint is on another host (Cognito's sign-in domain); the issuer's own origin is
     * named too, for an issuer on plain http (a development one, e.g. in the local run).
     */
    static String contentSecurityPolicy(Optional<String> issuer) {
        String issuerOrigin = issuer.map(URI::create).filter(uri -> uri.getHost() != null)
                .map(uri -> " " + uri.getScheme() + "://" + uri.getRawAuthority()).orElse("");
        return "default-src 'self'; connect-src 'self' https:" + issuerOrigin
                + "; img-src 'self' data:; frame-ancestors 'none'";
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    ApiResponse route(Route route, Caller caller, ApiRequest request) {
        String path = switch (route) {
            case CONSOLE -> "";
            case CONSOLE_FILE -> request.pathParameters().getOrDefault("proxy", "");
            case GET_PARTNER, LIST_DUE, LIST_OFFERS, GET_OFFER, LIST_RENEWALS, RENEW, PUT_PARTNER, PUT_OFFER, LIST_NOTIFICATIONS
                    -> throw servedElsewhere(route);
        };
        if (path.equals("config.json")) {
            return new ApiResponse(200, Map.of("Content-Type", ApiResponse.JSON, "Cache-Control", "no-store"),
                    Json.write(signIn(console, auth, BASE_PATH, today.date())));
        }
        ConsoleFiles.File file = ConsoleFiles.forPath(path);
        return new ApiResponse(200, Map.of("Content-Type", file.contentType(),
                "Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", contentSecurityPolicy),
                file.text());
    }

    /**
     * The console's settings for OpenID Connect sign-in; {@code basePath} is where it lives, and
     * {@code today} the service's date (D6), where the due overview starts.
     */
    public static Map<String, Object> signIn(RenewalConfig.Console console, RenewalConfig.Auth auth, String basePath,
            LocalDate today) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", "oidc");
        settings.put("basePath", basePath);
        settings.put("today", today.toString());
        settings.put("claims", auth.names());
        settings.put("issuer", console.issuer().orElse(null));
        settings.put("clientId", console.clientId().orElse(null));
        settings.put("redirectUri", console.redirectUri().orElse(null));
        settings.put("scope", console.scope());
        return settings;
    }
}
