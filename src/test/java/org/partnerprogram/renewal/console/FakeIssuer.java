package org.partnerprogram.renewal.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect issuer for the console's sign-in, strict where a real one is: discovery, an
 * authorization endpoint that sends the browser back with a one-time code (or the error it is
 * told to give), and a token endpoint that trades the code only for the verifier whose S256
 * digest is the challenge the code was issued for, with the same client and redirect URI.
 */
final class FakeIssuer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new LinkedHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile Map<String, String> lastAuthorization = Map.of();
    private volatile String accessToken;
    private volatile String refusal;

    FakeIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The access token the next sign-in receives; clears any refusal. */
    void signsIn(String token) {
        accessToken = token;
        refusal = null;
    }

    /** The next authorization request is refused with this OAuth error description. */
    void refuses(String description) {
        refusal = description;
    }

    /** The query of the last authorization request the browser was sent with. */
    Map<String, String> lastAuthorization() {
        return lastAuthorization;
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        answer(exchange, 200, "{\"issuer\":\"" + url() + "\",\"authorization_endpoint\":\"" + url()
                + "/authorize\",\"token_endpoint\":\"" + url() + "/token\"}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        lastAuthorization = query;
        String back = refusal != null
                ? "error=access_denied&error_description=" + URLEncoder.encode(refusal, StandardCharsets.UTF_8)
                : "code=" + issueCode(query);
        try (exchange) {
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?" + back
                    + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private synchronized String issueCode(Map<String, String> authorization) {
        String code = UUID.randomUUID().toString();
        codes.put(code, authorization);
        return code;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> authorization;
        synchronized (this) {
            authorization = codes.remove(form.getOrDefault("code", ""));
        }
        boolean valid = authorization != null
                && "authorization_code".equals(form.get("grant_type"))
                && "S256".equals(authorization.get("code_challenge_method"))
                && s256(form.getOrDefault("code_verifier", "")).equals(authorization.get("code_challenge"))
                && authorization.get("client_id").equals(form.get("client_id"))
                && authorization.get("redirect_uri").equals(form.get("redirect_uri"));
        answer(exchange, valid ? 200 : 400, valid
                ? "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                : "{\"error\":\"invalid_grant\",\"error_description\":\"the code or its verifier is not valid\"}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** A JSON answer the console's page (another origin) may read, as an issuer's CORS allows. */
    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
