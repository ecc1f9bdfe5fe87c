package org.partnerprogram.renewal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.partnerprogram.renewal.RenewalConfig;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as the extension configures it (endpoint, HTTP client, interceptors),
 * with an explicit retry strategy: the SDK's standard one (exponential backoff with full jitter,
 * a longer base delay for throttling) and a bounded number of attempts, so a struggling table
 * costs a caller seconds, not the whole Lambda timeout.
 */
@ApplicationScoped
public class DynamoClient {

    /** Interceptors are beans: tests add one that injects faults and counts calls. */
    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder, RenewalConfig config,
            @Any Instance<ExecutionInterceptor> interceptors) {
        return builder.overrideConfiguration(override -> {
            override.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(config.storeMaxAttempts()).build());
            interceptors.forEach(override::addExecutionInterceptor);
        }).build();
    }
}
