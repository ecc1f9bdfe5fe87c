package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.local.LocalDynamo;

/**
 * Jazzer drives the three API handlers with arbitrary events (raw bytes, or API Gateway events
 * with fuzzed routes, ids, headers, claims and bodies) against DynamoDB Local. Whatever comes in:
 * no uncaught exception, never a 5xx, never a stack trace in a body. The handlers are wired by
 * hand (no Quarkus) so each execution costs microseconds, not a container start.
 */
class ApiHandlersFuzzTest {

    static final AtomicLong EXECUTIONS = new AtomicLong();
    static final List<String> CLAIMS = List.of(
            "{}",
            "{\"sub\":\"a\",\"partner_id\":\"contoso\",\"roles\":[\"mpn-partner-admin\"]}",
            "{\"sub\":\"a\",\"partner_id\":\"contoso\",\"roles\":\"[mpn-partner-admin reader]\"}",
            "{\"sub\":\"o\",\"roles\":[\"membership-operator\"]}",
            "{\"partner_id\":7,\"roles\":{\"x\":1}}");

    /** Held so the level sticks: one access-log line per execution would drown the fuzzer's output. */
    static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.partnerprogram");

    static LocalDynamo dynamoLocal;
    static int dynamoPort;
    static List<RequestStreamHandler> handlers;

    @BeforeAll
    static void wire() throws IOException {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dynamoLocal = LocalDynamo.start(port);
        dynamoPort = port;
        Standalone services = Standalone.wire(Standalone.config(Map.of()), Standalone.dynamo("http://127.0.0.1:" + port),
                Clock.fixed(Instant.parse("2021-03-20T10:00:00Z"), ZoneOffset.UTC));
        LocalDynamo.createTable(services.dynamo, services.config.tableName());
        Map<String, RequestStreamHandler> wired = Handlers.wiredOn(services, new SesMailer(services.config, new SdkPriming()),
                new Metrics(services.config));
        handlers = List.of(wired.get(CheckHandler.NAME), wired.get(RenewHandler.NAME), wired.get(EnrolHandler.NAME),
                wired.get(ConsoleHandler.NAME));
    }

    @AfterAll
    static void report() {
        System.out.println("ApiHandlersFuzzTest: " + EXECUTIONS.get() + " executions");
        if (dynamoLocal != null) {
            dynamoLocal.close();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyEventGetsA4xxOrSuccessNeverAFault(FuzzedDataProvider data) throws IOException {
        // The only connections the handlers may make are to this DynamoDB Local: anything else is SSRF.
        BugDetectors.allowNetworkConnections((host, p) -> (host.equals("localhost") || host.equals("127.0.0.1")) && p == dynamoPort);
        EXECUTIONS.incrementAndGet();
        RequestStreamHandler handler = handlers.get(data.consumeInt(0, handlers.size() - 1));
        byte[] event = data.consumeBoolean() ? data.consumeRemainingAsBytes() : structuredEvent(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        JsonNode response = Json.MAPPER.readTree(out.toByteArray());
        int status = response.path("statusCode").asInt();
        String body = response.path("body").asText();
        assertThat(status).as("status for %s", new String(event, StandardCharsets.UTF_8)).isBetween(200, 499);
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** An API Gateway event whose every part is fuzzed, often with a real route and real claims. */
    private static byte[] structuredEvent(FuzzedDataProvider data) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        Route[] routes = Route.values();
        event.put("routeKey", data.consumeBoolean() ? routes[data.consumeInt(0, routes.length - 1)].routeKey() : data.consumeString(40));
        ObjectNode path = event.putObject("pathParameters");
        path.put("partnerId", data.consumeBoolean() ? "contoso" : data.consumeString(140));
        path.put("offerId", data.consumeBoolean() ? "cloud-platform" : data.consumeString(140));
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", data.consumeBoolean() ? "application/json" : data.consumeString(30));
        if (data.consumeBoolean()) {
            headers.put("idempotency-key", data.consumeString(300));
        }
        if (data.consumeBoolean()) {
            ObjectNode query = event.putObject("queryStringParameters");
            query.put("asOf", data.consumeString(12));
            // GET /due (D23)
            query.put("from", data.consumeBoolean() ? "2021-03-01" : data.consumeString(12));
            query.put("to", data.consumeBoolean() ? "2021-03-31" : data.consumeString(12));
            if (data.consumeBoolean()) {
                query.put("limit", data.consumeString(6));
            }
            if (data.consumeBoolean()) {
                query.put("cursor", data.consumeString(120));
            }
        }
        if (data.consumeBoolean()) {
            path.put("proxy", data.consumeString(60));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "fuzz");
        try {
            context.putObject("authorizer").putObject("jwt")
                    .set("claims", Json.MAPPER.readTree(CLAIMS.get(data.consumeInt(0, CLAIMS.size() - 1))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        event.put("isBase64Encoded", data.consumeBoolean());
        event.put("body", data.consumeRemainingAsString());
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
