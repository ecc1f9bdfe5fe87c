package org.partnerprogram.renewal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records the IAM actions each function's handler needs of DynamoDB, as "action@resource" (resource
 * "table" or "index/name"), so LeastPrivilegeTest can hold them against template.yaml. A request is
 * the function's whose handler (a {@code @Named} RequestStreamHandler) is on the calling stack;
 * others (the tests' own reads, the local run's setup) are not recorded. A bean of the test build:
 * the DynamoDB client takes every interceptor bean.
 */
@Singleton
public class IamActions implements ExecutionInterceptor {

    private static final Map<String, Set<String>> BY_HANDLER = new ConcurrentHashMap<>();
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    public static void reset() {
        BY_HANDLER.clear();
    }

    /** QUARKUS_LAMBDA_HANDLER name to the actions its handler asked for since the last reset. */
    public static Map<String, Set<String>> byHandler() {
        Map<String, Set<String>> copy = new ConcurrentHashMap<>();
        BY_HANDLER.forEach((handler, actions) -> copy.put(handler, Set.copyOf(actions)));
        return copy;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        handlerOnStack().ifPresent(handler -> BY_HANDLER.computeIfAbsent(handler, h -> new TreeSet<>()).addAll(
                needs(context.request(), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))));
    }

    /**
     * The handler's name; the sweep's shard workers run on threads of its own, where SweepDueWork, its
     * use case, is at the bottom of the stack instead.
     */
    private static Optional<String> handlerOnStack() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .map(IamActions::functionOf).flatMap(Optional::stream).findFirst());
    }

    private static Optional<String> functionOf(Class<?> type) {
        if (type == SweepDueWork.class) {
            return Optional.of("sweep");
        }
        return RequestStreamHandler.class.isAssignableFrom(type) && type.isAnnotationPresent(Named.class)
                ? Optional.of(type.getAnnotation(Named.class).value()) : Optional.empty();
    }

    /** What IAM checks for a request: a transaction is checked per item, as PutItem, UpdateItem and so on. */
    static Set<String> needs(SdkRequest request, String operation) {
        if (request instanceof QueryRequest query) {
            return Set.of("dynamodb:Query@" + (query.indexName() == null ? "table" : "index/" + query.indexName()));
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return Set.copyOf(transaction.transactItems().stream().map(IamActions::action).map(a -> "dynamodb:" + a + "@table").toList());
        }
        if (request instanceof TransactGetItemsRequest) {
            return Set.of("dynamodb:GetItem@table");
        }
        return Set.of("dynamodb:" + operation + "@table");
    }

    private static String action(TransactWriteItem item) {
        return Stream.of(item.put() == null ? null : "PutItem", item.update() == null ? null : "UpdateItem",
                item.delete() == null ? null : "DeleteItem", item.conditionCheck() == null ? null : "ConditionCheckItem")
                .filter(a -> a != null).findFirst().orElseThrow();
    }
}
