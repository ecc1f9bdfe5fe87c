package org.partnerprogram.renewal.reliability;

import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.api.ApiTestSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The guarantees of RELIABILITY.md are proved through the API, with faults injected in the SDK. The
 * notify path's writes would take faults or holds meant for the request under test, and add to its
 * write counts: paused meanwhile.
 */
abstract class ReliabilityTestSupport extends ApiTestSupport implements NotificationsPaused {

    static final String PAID = "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"4730.00\",\"currency\":\"USD\"}}";

    @Inject
    DynamoDbClient dynamo;
    @Inject
    RenewalConfig config;

    @BeforeEach
    @AfterEach
    void noFaults() {
        FaultInjector.reset();
    }

    /** Runs the calls at once and returns what each answered, in order. */
    static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a call in the background; join it with {@link Future#get()}. */
    static Future<Response> inBackground(Callable<Response> call) {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Response> future = pool.submit(call);
        pool.shutdown();
        return future;
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(config.tableName()).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
    }

    Map<String, AttributeValue> offerItem(String partnerId, String offerId) {
        return item("PARTNER#" + partnerId, "OFFER#" + offerId);
    }

    /** Items under the offer's own key that start with the prefix: RENEWAL# or REMINDER#. */
    List<Map<String, AttributeValue>> records(String partnerId, String offerId, String prefix) {
        return dynamo.query(b -> b.tableName(config.tableName()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OFFER#" + partnerId + "#" + offerId),
                        ":prefix", AttributeValue.fromS(prefix)))).items();
    }

    /** Write calls the service made to the store (reads excluded). */
    static int writes() {
        return FaultInjector.calls("PutItem") + FaultInjector.calls("UpdateItem") + FaultInjector.calls("DeleteItem")
                + FaultInjector.calls("TransactWriteItems") + FaultInjector.calls("BatchWriteItem");
    }
}
