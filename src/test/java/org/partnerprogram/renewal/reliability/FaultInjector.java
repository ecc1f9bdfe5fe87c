package org.partnerprogram.renewal.reliability;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Faults between the service and DynamoDB Local, injected in the SDK (registered for tests with
 * quarkus.dynamodb.interceptors): throttling and 5xx answers the SDK's retries see, a failure
 * after a call committed (a crash between the write and the response), a call held in flight, and
 * a count of what was called. Static, because the SDK creates interceptors by class name.
 */
public class FaultInjector implements ExecutionInterceptor {

    /** What the store answers instead of its real response, per attempt. */
    public enum Fault {
        THROTTLING(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");

        final int status;
        final String type;
        final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }
    }

    private record Plan(Fault fault, AtomicInteger skip, AtomicInteger remaining) {
    }

    private static final ExecutionAttribute<Fault> INJECTED = new ExecutionAttribute<>("injected-fault");
    private static final Map<String, Plan> ATTEMPT_FAULTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> AFTER_COMMIT = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HOLDS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HOLDING = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

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
    }

    /** The next {@code times} attempts of the operation (after {@code skip} good ones) get the fault. */
    public static void fail(String operation, Fault fault, int skip, int times) {
        ATTEMPT_FAULTS.put(operation, new Plan(fault, new AtomicInteger(skip), new AtomicInteger(times)));
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

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ATTEMPTS.computeIfAbsent(operation(attributes), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Plan plan = ATTEMPT_FAULTS.get(operation(attributes));
        if (plan == null || plan.skip().getAndDecrement() > 0 || plan.remaining().getAndDecrement() <= 0) {
            return context.httpResponse();
        }
        attributes.putAttribute(INJECTED, plan.fault());
        return context.httpResponse().toBuilder().statusCode(plan.fault().status).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(INJECTED);
        if (fault == null) {
            return context.responseBody();
        }
        attributes.putAttribute(INJECTED, null);
        String body = "{\"__type\":\"" + fault.type + "\",\"message\":\"" + fault.message + "\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        AtomicInteger pending = AFTER_COMMIT.get(operation(attributes));
        if (pending != null && pending.getAndDecrement() > 0) {
            throw SdkClientException.create("Connection reset after the call committed (injected)");
        }
    }
}
