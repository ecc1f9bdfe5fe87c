package org.partnerprogram.renewal.lambda;

import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.Problem;

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
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private final RenewalConfig.Console console;

    public ConsoleHandler(HttpApi http, Identity identity, Access access, RenewalConfig config) {
        super(http, identity, access);
        this.console = config.console();
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
                    Json.write(signIn(console, BASE_PATH)));
        }
        // One of the console's files, else a page of the console (ids may contain dots: o.v2).
        String name = FILE.matcher(path).matches() ? path : "index.html";
        return new ApiResponse(200, Map.of("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)),
                "Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "default-src 'self'; connect-src 'self' https:; img-src 'self' data:; frame-ancestors 'none'"),
                file(name));
    }

    /** The console's settings for OpenID Connect sign-in; {@code basePath} is where it lives. */
    public static Map<String, Object> signIn(RenewalConfig.Console console, String basePath) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", "oidc");
        settings.put("basePath", basePath);
        settings.put("issuer", console.issuer().orElse(null));
        settings.put("clientId", console.clientId().orElse(null));
        settings.put("redirectUri", console.redirectUri().orElse(null));
        settings.put("scope", console.scope());
        return settings;
    }

    /** One of the console's files (a missing one is a 404, never a fault). */
    public static String file(String name) {
        try (InputStream in = ConsoleHandler.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw Problem.of(Problem.Kind.NOT_FOUND, "No such file.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
