package org.partnerprogram.renewal.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.lambda.Json;

/**
 * What {@code sam local start-api} and {@code sam local invoke} would do, in this JVM: the HTTP
 * routes and functions are read from template.yaml, each request becomes an API Gateway payload
 * 2.0 event for the function's handler, and {@code POST /2015-03-31/functions/{id}/invocations}
 * invokes a function with a raw event (the sweep with a Scheduled Event). The API's contract is
 * served at {@code GET /openapi.yaml}; SES's SendEmail and the mailbox it fills at
 * {@code /v2/email/outbound-emails} and {@code /_local/mailbox} ({@link LocalMailbox}). The JWT's payload is
 * passed on as the authorizer's claims, flattened as API Gateway does; its signature is NOT
 * checked, which is why this binds to 127.0.0.1 only and exists only in the dev and test builds.
 */
final class LocalApi implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalApi.class);
    private static final String INVOKE_PREFIX = "/2015-03-31/functions/";
    private static final String CONSOLE_CONFIG = "/console/config.json";

    /** One HTTP route of the template: METHOD /path/{param} served by a function. */
    record HttpRoute(String method, String path, String function) {
        String routeKey() {
            return method + " " + path;
        }

        Optional<Map<String, String>> match(String requestMethod, String requestPath) {
            if (!method.equalsIgnoreCase(requestMethod)) {
                return Optional.empty();
            }
            String[] template = path.split("/", -1);
            String[] actual = requestPath.split("/", -1);
            boolean greedy = template[template.length - 1].endsWith("+}");
            if (greedy ? actual.length < template.length : template.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (greedy && i == template.length - 1) {
                    // {proxy+}: the rest of the path, as API Gateway passes it.
                    String rest = String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length));
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(template[i].substring(1, template[i].length() - 2), URLDecoder.decode(rest, StandardCharsets.UTF_8));
                    return Optional.of(parameters);
                }
                String segment = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    if (segment.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(template[i].substring(1, template[i].length() - 1), segment);
                } else if (!template[i].equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** The functions and routes declared in a SAM template. */
    record Template(Map<String, String> handlerByFunction, List<HttpRoute> routes) {

        static Template read(Path file) throws IOException {
            JsonNode resources = new YAMLMapper().readTree(file.toFile()).path("Resources");
            Map<String, String> handlers = new LinkedHashMap<>();
            List<HttpRoute> routes = new ArrayList<>();
            resources.fields().forEachRemaining(resource -> {
                JsonNode properties = resource.getValue().path("Properties");
                if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                    return;
                }
                String function = resource.getKey();
                handlers.put(function, properties.path("Environment").path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText());
                properties.path("Events").forEach(event -> {
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        JsonNode route = event.path("Properties");
                        routes.add(new HttpRoute(route.path("Method").asText().toUpperCase(Locale.ROOT),
                                route.path("Path").asText(), function));
                    }
                });
            });
            return new Template(Map.copyOf(handlers), List.copyOf(routes));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Template template;
    private final Function<String, RequestStreamHandler> handlers;
    private final LocalClock clock;
    private final Supplier<Map<String, Object>> consoleConfig;
    private final Path openApi;
    private final LocalMailbox mailbox;

    private LocalApi(HttpServer server, ExecutorService executor, Template template,
            Function<String, RequestStreamHandler> handlers, LocalClock clock, Supplier<Map<String, Object>> consoleConfig,
            Path openApi, LocalMailbox mailbox) {
        this.server = server;
        this.executor = executor;
        this.template = template;
        this.handlers = handlers;
        this.clock = clock;
        this.consoleConfig = consoleConfig;
        this.openApi = openApi;
        this.mailbox = mailbox;
    }

    static LocalApi start(int port, Template template, Function<String, RequestStreamHandler> handlers, LocalClock clock,
            Supplier<Map<String, Object>> consoleConfig, Path openApi, LocalMailbox mailbox) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(16);
        LocalApi api = new LocalApi(server, executor, template, handlers, clock, consoleConfig, openApi, mailbox);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/_local/clock")) {
                clock(exchange, method, body);
            } else if (path.equals(LocalMailbox.SEND_EMAIL_PATH) && method.equals("POST")) {
                LocalMailbox.Answer answer = mailbox.sendEmail(body);
                send(exchange, answer.status(), answer.headers(), answer.body());
            } else if (path.equals(LocalMailbox.MAILBOX_PATH)) {
                mailbox(exchange, method);
            } else if (path.equals(CONSOLE_CONFIG) && method.equals("GET")) {
                send(exchange, 200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                        Json.write(consoleConfig.get()));
            } else if (method.equals("GET") && (path.equals("/") || isNavigation(exchange)) && !path.startsWith("/console")) {
                // The console at / (no API route there, so whatever the client accepts) and at a deep
                // link such as /partners/p/offers/o for a browser's navigation: served as the HTTP API
                // serves it under /console, while API calls on the same paths reach the API.
                route(exchange, method, "/console", body);
            } else if (path.equals("/openapi.yaml") && method.equals("GET")) {
                send(exchange, 200, Map.of("Content-Type", "application/yaml"), Files.readString(openApi));
            } else if (path.startsWith(INVOKE_PREFIX) && path.endsWith("/invocations") && method.equals("POST")) {
                invoke(exchange, path.substring(INVOKE_PREFIX.length(), path.length() - "/invocations".length()), body);
            } else {
                route(exchange, method, path, body);
            }
        } catch (RuntimeException e) {
            LOG.error("local API failed", e);
            send(exchange, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /**
     * A person's browser opening a page, not a call of the API: a navigation, or a request for
     * HTML without a token. fetch() with a bearer token, Accept: application/json and curl's
     * Accept: *&#47;* all reach the API.
     */
    static boolean isNavigation(HttpExchange exchange) {
        String mode = exchange.getRequestHeaders().getFirst("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equalsIgnoreCase("navigate");
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("text/html") && exchange.getRequestHeaders().getFirst("Authorization") == null;
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        for (HttpRoute route : template.routes()) {
            Optional<Map<String, String>> parameters = route.match(method, path);
            if (parameters.isPresent()) {
                byte[] event = Json.write(event(exchange, route, parameters.get(), body)).getBytes(StandardCharsets.UTF_8);
                JsonNode response = Json.tree(run(template.handlerByFunction().get(route.function()), event));
                Map<String, String> headers = new LinkedHashMap<>();
                response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                send(exchange, response.path("statusCode").asInt(500), headers, response.path("body").asText(""));
                return;
            }
        }
        send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
    }

    /** The Lambda Invoke API: the raw event in, the handler's output back (errors as Lambda reports them). */
    private void invoke(HttpExchange exchange, String function, byte[] event) throws IOException {
        String handler = template.handlerByFunction().get(function);
        if (handler == null) {
            send(exchange, 404, Map.of("Content-Type", "application/json"),
                    Json.write(Map.of("Type", "User", "message", "Function not found: " + function)));
            return;
        }
        try {
            send(exchange, 200, Map.of("Content-Type", "application/json"), new String(run(handler, event), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warnf("function %s failed: %s", function, e.getMessage());
            send(exchange, 200, Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                    Json.write(Map.of("errorMessage", String.valueOf(e.getMessage()), "errorType", e.getClass().getSimpleName())));
        }
    }

    private byte[] run(String handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handlers.apply(handler).handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toByteArray();
    }

    /** GET lists what SES would have sent, newest first; DELETE empties the mailbox. */
    private void mailbox(HttpExchange exchange, String method) throws IOException {
        if (method.equals("DELETE")) {
            mailbox.clear();
            send(exchange, 204, Map.of(), "");
        } else if (method.equals("GET")) {
            send(exchange, 200, Map.of("Content-Type", "application/json; charset=utf-8"), mailbox.list());
        } else {
            send(exchange, 405, Map.of("Allow", "GET, DELETE"), "");
        }
    }

    private void clock(HttpExchange exchange, String method, byte[] body) throws IOException {
        if (method.equals("PUT")) {
            JsonNode now;
            try {
                now = Json.tree(body).path("now");
                clock.pin(now.isNull() || now.isMissingNode() ? null : Instant.parse(now.asText()));
            } catch (IOException | RuntimeException e) {
                send(exchange, 400, Map.of("Content-Type", "application/json"),
                        Json.write(Map.of("message", "send {\"now\": \"2021-03-20T10:00:00Z\"} or {\"now\": null}")));
                return;
            }
        } else if (!method.equals("GET")) {
            send(exchange, 405, Map.of("Allow", "GET, PUT"), "");
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", clock.instant().toString());
        state.put("pinned", clock.pinned() != null);
        send(exchange, 200, Map.of("Content-Type", "application/json"), Json.write(state));
    }

    /** An API Gateway HTTP API payload 2.0 event, as the JWT authorizer would pass it on. */
    private static ObjectNode event(HttpExchange exchange, HttpRoute route, Map<String, String> pathParameters, byte[] body) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        String query = exchange.getRequestURI().getRawQuery();
        event.put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (query != null && !query.isEmpty()) {
            // Payload 2.0 joins a repeated parameter's values with commas: ?a=1&a=2 is "a": "1,2".
            Map<String, String> joined = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                joined.merge(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "", (first, next) -> first + "," + next);
            }
            ObjectNode parameters = event.putObject("queryStringParameters");
            joined.forEach(parameters::put);
        }
        ObjectNode path = event.putObject("pathParameters");
        pathParameters.forEach(path::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", route.method());
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        claims(exchange.getRequestHeaders().getFirst("Authorization"))
                .ifPresent(claims -> context.putObject("authorizer").putObject("jwt").set("claims", claims));
        // Like API Gateway: a body that is not text travels base64-encoded, so the function sees its bytes.
        boolean text = isUtf8(body);
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", !text);
        return event;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The payload of a {@code Bearer} JWT, unverified, with every claim a string as API Gateway
     * passes them: arrays flattened to "[a b]".
     */
    static Optional<ObjectNode> claims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).strip().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode payload = Json.tree(Base64.getUrlDecoder().decode(parts[1]));
            if (!payload.isObject()) {
                return Optional.empty();
            }
            ObjectNode claims = Json.MAPPER.createObjectNode();
            payload.fields().forEachRemaining(claim -> claims.put(claim.getKey(), flatten(claim.getValue())));
            return Optional.of(claims);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String flatten(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return "[" + String.join(" ", items) + "]";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
