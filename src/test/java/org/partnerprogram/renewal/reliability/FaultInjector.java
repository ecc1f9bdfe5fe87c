package org.partnerprogram.renewal.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Faults between the service and DynamoDB Local, injected in the SDK: throttling and 5xx answers the SDK's retries see, keys
 * a batch read leaves unprocessed, a failure
 * after a call committed (a crash between the write and the response), a call held in flight, and
 * a count of what was called. A bean (test build only) that the DynamoDB client picks up; its
 * state is static so tests drive it without injection.
 */
@jakarta.inject.Singleton
public class FaultInjector implements ExecutionInterceptor {

    /** What the store answers instead of its real response, per attempt. */
    public enum Fault {
        THROTTLING(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        SERVER_ERROR(500, "InternalServerError", "Internal server error");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private record Plan(Fault fault, AtomicInteger skip, AtomicInteger remaining) {
    }

    private static final Map<String, Plan> ATTEMPT_FAULTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> AFTER_COMMIT = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HOLDS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HOLDING = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final AtomicInteger UNPROCESSED = new AtomicInteger();

    /** Clears every fault and count. */
    public static void reset() {
        ATTEMPT_FAULTS.clear();
        AFTER_COMMIT.clear();
        HOLDING.values().forEach(CountDownLatch::countDown);
        HOLDS.clear();
        HOLDING.clear();
        HELD.clear();
        CALLS.clear();
        ATTEMPTS.clear();
        UNPROCESSED.set(0);
    }

    /** The next {@code times} attempts of the operation (after {@code skip} good ones) get the fault. */
    public static void fail(String operation, Fault fault, int skip, int times) {
        ATTEMPT_FAULTS.put(operation, new Plan(fault, new AtomicInteger(skip), new AtomicInteger(times)));
    }

    /**
     * The next {@code times} BatchGetItem answers leave the first key asked for unprocessed, as
     * DynamoDB does with keys it throttled: the other keys' items come back, that one does not.
     */
    public static void leaveFirstKeyUnprocessed(int times) {
        UNPROCESSED.set(times);
    }

    /** The next call of the operation commits, then the client sees a broken connection. */
    public static void failAfterCommit(String operation) {
        AFTER_COMMIT.put(operation, new AtomicInteger(1));
    }

    /** Holds the next call of the operation (only that one) before it is sent, until {@link #release}. */
    public static void hold(String operation) {
        HOLDS.put(operation, new CountDownLatch(1));
        HELD.put(operation, new CountDownLatch(1));
    }

    /** Waits until a call of the operation is being held. */
    public static void awaitHeld(String operation) throws InterruptedException {
        if (!HELD.get(operation).await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(operation + " was never called");
        }
    }

    public static void release(String operation) {
        HOLDING.remove(operation).countDown();
    }

    /** Calls of the operation as the service made them (retries not counted). */
    public static int calls(String operation) {
        return CALLS.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** Attempts sent to the store, retries included. */
    public static int attempts(String operation) {
        return ATTEMPTS.getOrDefault(operation, new AtomicInteger()).get();
    }

    public static int totalCalls() {
        return CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = operation(attributes);
        CALLS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        CountDownLatch hold = HOLDS.remove(operation);
        if (hold != null) {
            HOLDING.put(operation, hold);
            HELD.get(operation).countDown();
            try {
                hold.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Each attempt, retries included. A faulted attempt never reaches the store, as a throttled
     * request does not: it fails here with the error DynamoDB would answer, and the SDK's retry
     * strategy sees it like any other answer.
     */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = operation(attributes);
        ATTEMPTS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        Plan plan = ATTEMPT_FAULTS.get(operation);
        if (plan != null && plan.skip().getAndDecrement() <= 0 && plan.remaining().getAndDecrement() > 0) {
            throw DynamoDbException.builder()
                    .statusCode(plan.fault().status)
                    .message(plan.fault().message + " (injected)")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(plan.fault().code).errorMessage(plan.fault().message)
                            .serviceName("DynamoDb").build())
                    .build();
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof BatchGetItemResponse answer && context.request() instanceof BatchGetItemRequest asked
                && UNPROCESSED.getAndDecrement() > 0) {
            Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            asked.requestItems().forEach((table, keys) -> {
                Map<String, AttributeValue> first = keys.keys().get(0);
                found.put(table, answer.responses().getOrDefault(table, List.of()).stream()
                        .filter(item -> !first.entrySet().stream().allMatch(key -> key.getValue().equals(item.get(key.getKey()))))
                        .toList());
                unprocessed.put(table, keys.toBuilder().keys(first).build());
            });
            return answer.toBuilder().responses(found).unprocessedKeys(unprocessed).build();
        }
        return context.response();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        AtomicInteger pending = AFTER_COMMIT.get(operation(attributes));
        if (pending != null && pending.getAndDecrement() > 0) {
            throw SdkClientException.create("Connection reset after the call committed (injected)");
        }
    }
}
