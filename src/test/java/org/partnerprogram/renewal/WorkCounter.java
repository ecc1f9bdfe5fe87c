package org.partnerprogram.renewal;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Counts the work the service asks of DynamoDB: requests per operation, items read (what a Query
 * examined, before any filter) and consumed capacity. It asks for the capacity itself, so the
 * service's code stays as it is. A bean of the test build (the DynamoDB client takes every
 * interceptor bean), read by the work assertions (RequestCountTest, SweepWorkTest) and the benchmark.
 */
@Singleton
public class WorkCounter implements ExecutionInterceptor {

    static final Map<String, AtomicLong> REQUESTS = new ConcurrentHashMap<>();
    static final AtomicLong ITEMS_READ = new AtomicLong();
    static final DoubleAdder READ_CAPACITY = new DoubleAdder();
    static final DoubleAdder WRITE_CAPACITY = new DoubleAdder();

    public static void reset() {
        REQUESTS.clear();
        ITEMS_READ.set(0);
        READ_CAPACITY.reset();
        WRITE_CAPACITY.reset();
    }

    public static long requests(String operation) {
        return REQUESTS.getOrDefault(operation, new AtomicLong()).get();
    }

    /** Operations called since the last reset, e.g. [Query]. */
    public static Set<String> operations() {
        return Set.copyOf(REQUESTS.keySet());
    }

    public static long requests() {
        return REQUESTS.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public static long itemsRead() {
        return ITEMS_READ.get();
    }

    /** Capacity units consumed by reads (Query, GetItem, BatchGetItem), as DynamoDB reported them. */
    public static double readCapacity() {
        return READ_CAPACITY.sum();
    }

    /** Capacity units consumed by transactions, as DynamoDB reported them. */
    public static double writeCapacity() {
        return WRITE_CAPACITY.sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchGetItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactWriteItemsRequest transact) {
            return transact.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    /** A refused request (a failed condition, a lost transaction) is a request too. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        countRequest(attributes);
    }

    private static void countRequest(ExecutionAttributes attributes) {
        REQUESTS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        countRequest(attributes);
        if (context.response() instanceof QueryResponse query) {
            ITEMS_READ.addAndGet(query.scannedCount());
            add(READ_CAPACITY, query.consumedCapacity());
        } else if (context.response() instanceof GetItemResponse get) {
            ITEMS_READ.addAndGet(get.hasItem() ? 1 : 0);
            add(READ_CAPACITY, get.consumedCapacity());
        } else if (context.response() instanceof BatchGetItemResponse batch) {
            batch.responses().values().forEach(items -> ITEMS_READ.addAndGet(items.size()));
            batch.consumedCapacity().forEach(capacity -> add(READ_CAPACITY, capacity));
        } else if (context.response() instanceof TransactWriteItemsResponse transact && transact.hasConsumedCapacity()) {
            transact.consumedCapacity().forEach(capacity -> add(WRITE_CAPACITY, capacity));
        }
    }

    private static void add(DoubleAdder total, ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            total.add(capacity.capacityUnits());
        }
    }
}
