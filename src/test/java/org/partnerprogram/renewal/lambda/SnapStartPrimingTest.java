package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.mail.Email;
import org.partnerprogram.renewal.mail.SendFailure;
import org.partnerprogram.renewal.mail.SesMailer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming rehearses each function's work through its own handler and the service's own
 * DynamoDB and SES clients, yet reaches no table and no SES, resolves no credential, counts no
 * metric and leaves no connection behind. "The table" and "SES" here are servers that count what
 * reaches them; the clients' real credentials count each time they are asked for.
 */
class SnapStartPrimingTest {

    HttpServer table;
    HttpServer ses;
    final AtomicInteger requestsToTheTable = new AtomicInteger();
    final AtomicInteger requestsToSes = new AtomicInteger();
    final AtomicInteger credentialLookups = new AtomicInteger();
    final List<String> metrics = new ArrayList<>();
    final SdkPriming sdkPriming = new SdkPriming();
    DynamoDbClient dynamo;
    SesMailer mailer;
    Standalone services;
    Map<String, RequestStreamHandler> handlers;

    @BeforeEach
    void theServiceWiredToATableAndSesThatCountRequests() throws IOException {
        table = countingServer(requestsToTheTable);
        ses = countingServer(requestsToSes);
        AwsCredentialsProvider realCredentials = SdkPriming.credentials(() -> {
            credentialLookups.incrementAndGet();
            return AwsBasicCredentials.create("REALKEY", "secret");
        });
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + table.getAddress().getPort()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(realCredentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(sdkPriming).retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        services = Standalone.wire(Standalone.config(Map.of("renewal.mail.endpoint-override", "http://127.0.0.1:" + ses.getAddress().getPort(),
                "renewal.mail.region", "us-east-1", "renewal.mail.max-attempts", "1")), dynamo,
                Clock.fixed(Instant.parse("2021-03-20T10:00:00Z"), ZoneOffset.UTC));
        mailer = new SesMailer(services.config.mail(), sdkPriming, realCredentials);
        handlers = Handlers.wiredOn(services, mailer, new Metrics("PartnerRenewals", Clock.systemUTC(), metrics::add));
    }

    /** A server that counts the requests reaching it and fails each. */
    static HttpServer countingServer(AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        dynamo.close();
        table.stop(0);
        ses.stop(0);
    }

    SnapStartPriming priming(String function) {
        return priming(function, handlers::get);
    }

    SnapStartPriming priming(String function, Function<String, RequestStreamHandler> handlers) {
        return new SnapStartPriming(handlers, sdkPriming, services.config, services.today, function);
    }

    SnapStartPriming.Primed prime(String function) {
        return priming(function).prime(1);
    }

    @Test
    void primingTakesEachFunctionsOwnPathsThroughItsHandlerAsItsCallersDo() {
        assertThat(prime("enrol").answers()).containsExactly("enrol PUT_PARTNER -> 200", "enrol PUT_OFFER -> 200");
        assertThat(prime("renew").answers()).containsExactly("enrol PUT_PARTNER -> 200", "enrol PUT_OFFER -> 200",
                "renew RENEW -> 201", "renew RENEW -> 409");
        assertThat(prime("check").answers()).contains("renew RENEW -> 201", "check GET_PARTNER -> 200", "check LIST_OFFERS -> 200",
                "check GET_OFFER -> 200", "check GET_OFFER -> 404", "check LIST_RENEWALS -> 200", "check LIST_NOTIFICATIONS -> 200",
                "check LIST_DUE -> 200");
        assertThat(prime("notify").answers()).endsWith("notify receipt -> SENT");
        assertThat(prime("console").answers()).containsExactly("console CONSOLE -> 200", "console CONSOLE_FILE -> 200",
                "console CONSOLE_FILE -> 200");
    }

    @Test
    void primingReachesNoTableAndNoSesResolvesNoCredentialAndCountsNoMetric() {
        for (String function : List.of("check", "renew", "enrol", "notify", "console")) {
            assertThat(prime(function).answers()).as(function).isNotEmpty().noneMatch(answer -> answer.contains("failed"));
        }
        assertThat(requestsToTheTable).hasValue(0);
        assertThat(requestsToSes).hasValue(0);
        assertThat(credentialLookups).hasValue(0);
        assertThat(metrics).isEmpty();
        // The same clients, asked outside priming, do reach the table and SES with their own credentials.
        catchThrowable(() -> dynamo.getItem(b -> b.tableName("offer-renewals").key(Map.of())));
        assertThat(requestsToTheTable).hasPositiveValue();
        int lookupsByTheTableClient = credentialLookups.get();
        assertThat(lookupsByTheTableClient).isPositive();
        assertThatThrownBy(() -> mailer.send(email())).isInstanceOf(SendFailure.class);
        assertThat(requestsToSes).hasPositiveValue();
        assertThat(credentialLookups).hasValueGreaterThan(lookupsByTheTableClient);
    }

    static Email email() {
        return new Email("renewals@example.com", List.of("admin@example.com"), "s", "t", "<p>h</p>");
    }

    @Test
    void everyPrimingRequestIsSignedWithThePrimingKeyAndAnsweredInProcess() {
        List<SdkPriming.Answered> notify = prime("notify").requests();
        assertThat(notify).extracting(SdkPriming.Answered::operation).contains("DynamoDB_20120810.PutItem",
                "DynamoDB_20120810.TransactWriteItems", "DynamoDB_20120810.BatchGetItem", "POST /v2/email/outbound-emails");
        assertThat(notify).allSatisfy(request -> assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=PRIMING/"));
        assertThat(notify).filteredOn(request -> request.operation().startsWith("POST")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).contains("/us-east-1/ses/aws4_request"));
    }

    @Test
    void primingLeavesNoConnectionInTheClientsPool() {
        // Many requests to the same address: a pooled connection would have carried the next one.
        List<SdkPriming.Answered> check = prime("check").requests();
        assertThat(check).hasSizeGreaterThan(10);
        assertThat(check.stream().map(SdkPriming.Answered::connection).distinct()).hasSameSizeAs(check);
    }

    @Test
    void aFunctionWithoutSyntheticInvocationsIsPrimedWithoutRequests() {
        assertThat(prime("sweep").answers()).isEmpty();
        assertThat(requestsToTheTable).hasValue(0);
    }

    @Test
    void aPrimingRequestSignedWithARealCredentialIsStoppedBeforeItLeaves() {
        try (DynamoDbClient unprimedCredentials = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + table.getAddress().getPort()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(() -> AwsBasicCredentials.create("REALKEY", "secret"))
                .overrideConfiguration(o -> o.addExecutionInterceptor(sdkPriming).retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThatThrownBy(() -> sdkPriming.answeredInProcess(request -> "{}",
                    () -> unprimedCredentials.getItem(b -> b.tableName("offer-renewals").key(Map.of()))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("signed with the priming key");
        }
        assertThat(requestsToTheTable).hasValue(0);
    }

    @Test
    void aFailedPrimingFailsNoSnapshot() {
        SnapStartPriming failing = priming("check", name -> {
            throw new IllegalStateException("no such handler");
        });
        assertThat(failing.prime(1).answers()).allMatch(answer -> answer.contains("-> failed"));
        assertThatCode(() -> failing.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void everySnapStartFunctionOfTheTemplateHasItsOwnSyntheticInvocations() throws IOException {
        List<String> snapStarted = new ArrayList<>();
        new YAMLMapper().readTree(new File("template.yaml")).path("Resources").forEach(resource -> {
            if (resource.path("Properties").has("SnapStart")) {
                snapStarted.add(resource.path("Properties").path("Environment").path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText());
            }
        });
        assertThat(snapStarted).contains("check", "renew", "enrol", "notify", "console");
        for (String function : snapStarted) {
            assertThat(new PrimingScenario(services.config.auth(), java.time.LocalDate.parse("2021-03-15"), new org.partnerprogram.renewal.store.PrimingTable()).stepsOf(function))
                    .as(function).anySatisfy(step -> assertThat(step.function()).isEqualTo(function));
        }
    }
}
