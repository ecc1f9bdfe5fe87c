package org.partnerprogram.renewal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.SdkPriming;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * SnapStart priming of the DynamoDB client
 * (docs/adr/0006-snapstart-priming-answered-in-process.md): one request per operation a function makes,
 * through the service's own client, answered in process by {@link SdkPriming} with a synthetic
 * item. Nothing reaches the table.
 */
@ApplicationScoped
public class StorePriming {

    /** The table operations the functions make. */
    public enum Operation {
        GET_ITEM, QUERY, PUT_ITEM, UPDATE_ITEM, TRANSACT_WRITE_ITEMS
    }

    /** A key no item of the service ever has; the answer's item has it too. */
    private static final Map<String, AttributeValue> KEY = Map.of(
            Table.PK, AttributeValue.fromS("PRIMING"), Table.SK, AttributeValue.fromS("PRIMING"));
    private static final String ITEM = "{\"PK\":{\"S\":\"PRIMING\"},\"SK\":{\"S\":\"PRIMING\"}}";

    private final DynamoDbClient dynamo;
    private final SdkPriming priming;
    private final String table;

    @Inject
    public StorePriming(DynamoDbClient dynamo, SdkPriming priming, RenewalConfig config) {
        this(dynamo, priming, config.tableName());
    }

    public StorePriming(DynamoDbClient dynamo, SdkPriming priming, String table) {
        this.dynamo = dynamo;
        this.priming = priming;
        this.table = table;
    }

    /** Makes each operation once; returns the requests answered in process. */
    public List<SdkPriming.Answered> prime(Set<Operation> operations) {
        priming.buildDefaultCredentialProviders();
        return priming.answeredInProcess(StorePriming::answer, () -> operations.forEach(this::request));
    }

    private void request(Operation operation) {
        switch (operation) {
            case GET_ITEM -> dynamo.getItem(b -> b.overrideConfiguration(StorePriming::primingCredentials)
                    .tableName(table).key(KEY).consistentRead(true));
            case QUERY -> dynamo.query(b -> b.overrideConfiguration(StorePriming::primingCredentials)
                    .tableName(table).consistentRead(true).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Table.PK)).expressionAttributeValues(Map.of(":pk", KEY.get(Table.PK))));
            case PUT_ITEM -> dynamo.putItem(b -> b.overrideConfiguration(StorePriming::primingCredentials)
                    .tableName(table).item(KEY).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Table.PK)));
            case UPDATE_ITEM -> dynamo.updateItem(b -> b.overrideConfiguration(StorePriming::primingCredentials)
                    .tableName(table).key(KEY).updateExpression("SET #state = :state")
                    .expressionAttributeNames(Map.of("#state", Table.STATE))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromS("PRIMING"))));
            case TRANSACT_WRITE_ITEMS -> dynamo.transactWriteItems(b -> b.overrideConfiguration(StorePriming::primingCredentials)
                    .transactItems(TransactWriteItem.builder().put(Put.builder().tableName(table).item(KEY).build()).build()));
        }
    }

    private static void primingCredentials(AwsRequestOverrideConfiguration.Builder override) {
        override.credentialsProvider(SdkPriming.CREDENTIALS);
    }

    /** What DynamoDB would answer, with a synthetic item where the operation returns items. */
    private static String answer(String target) {
        if (target.endsWith(".Query")) {
            return "{\"Count\":1,\"ScannedCount\":1,\"Items\":[" + ITEM + "]}";
        }
        if (target.endsWith(".GetItem")) {
            return "{\"Item\":" + ITEM + "}";
        }
        return "{}";
    }
}
