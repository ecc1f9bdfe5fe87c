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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.domain.PolicyCatalog;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.store.StorePriming;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming takes each API function's whole SDK path through the service's own DynamoDB
 * client, yet reaches no table, resolves no credential and leaves no connection behind. "The
 * table" here is a server that counts what reaches it; the client's credentials count each time
 * they are asked for.
 */
class SnapStartPrimingTest {

    static final RenewalRules RULES = new RenewalRules(PolicyCatalog.load(List.of("mpn-2021")));

    HttpServer table;
    final AtomicInteger requestsToTheTable = new AtomicInteger();
    final AtomicInteger credentialLookups = new AtomicInteger();
    final SdkPriming sdkPriming = new SdkPriming();
    DynamoDbClient dynamo;

    @BeforeEach
    void clientOfATableThatCountsRequests() throws IOException {
        table = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        table.createContext("/", exchange -> {
            requestsToTheTable.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        table.start();
        AwsCredentialsProvider realCredentials = () -> {
            credentialLookups.incrementAndGet();
            return AwsBasicCredentials.create("REALKEY", "secret");
        };
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + table.getAddress().getPort()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(realCredentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(sdkPriming).retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterEach
    void stop() {
        dynamo.close();
        table.stop(0);
    }

    List<SdkPriming.Answered> prime(String function) {
        return new SnapStartPriming(RULES, new StorePriming(dynamo, sdkPriming, "offer-renewals"), function).prime();
    }

    @Test
    void primingMakesEachTableOperationOfTheFunctionSignedAndAnsweredInProcess() {
        assertThat(prime("check")).extracting(SdkPriming.Answered::operation)
                .containsExactlyInAnyOrder("DynamoDB_20120810.Query", "DynamoDB_20120810.GetItem");
        assertThat(prime("renew")).extracting(SdkPriming.Answered::operation).containsExactlyInAnyOrder(
                "DynamoDB_20120810.PutItem", "DynamoDB_20120810.Query", "DynamoDB_20120810.TransactWriteItems",
                "DynamoDB_20120810.UpdateItem");
        List<SdkPriming.Answered> enrol = prime("enrol");
        assertThat(enrol).extracting(SdkPriming.Answered::operation)
                .containsExactlyInAnyOrder("DynamoDB_20120810.GetItem", "DynamoDB_20120810.PutItem");
        assertThat(enrol).allSatisfy(request -> assertThat(request.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=PRIMING/").contains("/us-east-1/dynamodb/aws4_request"));
    }

    @Test
    void primingNeedsNoTableAndResolvesNoCredential() {
        for (String function : List.of("check", "renew", "enrol")) {
            assertThat(prime(function)).as(function).isNotEmpty();
        }
        assertThat(requestsToTheTable).hasValue(0);
        assertThat(credentialLookups).hasValue(0);
        // The same client, asked outside priming, does reach the table with its own credentials.
        catchThrowable(() -> dynamo.getItem(b -> b.tableName("offer-renewals").key(Map.of())));
        assertThat(requestsToTheTable).hasPositiveValue();
        assertThat(credentialLookups).hasPositiveValue();
    }

    @Test
    void primingLeavesNoConnectionInTheClientsPool() {
        // Four requests to the same address: a pooled connection would have carried the next one.
        List<SdkPriming.Answered> renew = prime("renew");
        assertThat(renew).hasSize(4);
        assertThat(renew.stream().map(SdkPriming.Answered::connection).distinct()).hasSize(4);
    }

    @Test
    void aFunctionWithoutTableOperationsIsPrimedWithoutRequests() {
        assertThat(prime("sweep")).isEmpty();
        assertThat(requestsToTheTable).hasValue(0);
    }

    @Test
    void aPrimingRequestSignedWithARealCredentialIsStoppedBeforeItLeaves() {
        assertThatThrownBy(() -> sdkPriming.answeredInProcess(operation -> "{}",
                () -> dynamo.getItem(b -> b.tableName("offer-renewals").key(Map.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SdkPriming.CREDENTIALS");
        assertThat(requestsToTheTable).hasValue(0);
    }

    @Test
    void aFailedPrimingFailsNoSnapshot() {
        StorePriming failing = new StorePriming(dynamo, sdkPriming, "offer-renewals") {
            @Override
            public List<SdkPriming.Answered> prime(Set<StorePriming.Operation> operations) {
                throw new IllegalStateException("no loopback interface");
            }
        };
        assertThatCode(() -> new SnapStartPriming(RULES, failing, "check").beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void everySnapStartFunctionOfTheTemplateIsPrimed() throws IOException {
        List<String> snapStarted = new ArrayList<>();
        new YAMLMapper().readTree(new File("template.yaml")).path("Resources").forEach(resource -> {
            if (resource.path("Properties").has("SnapStart")) {
                snapStarted.add(resource.path("Properties").path("Environment").path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText());
            }
        });
        assertThat(snapStarted).isNotEmpty();
        assertThat(SnapStartPriming.TABLE_OPERATIONS).containsOnlyKeys(snapStarted);
    }
}
