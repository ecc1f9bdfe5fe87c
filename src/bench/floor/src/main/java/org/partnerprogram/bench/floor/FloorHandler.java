package org.partnerprogram.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The floor: read the event, one GetItem, a fixed answer. */
@Named("floor")
public class FloorHandler implements RequestStreamHandler {

    @Inject
    DynamoDbClient dynamo;

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        in.readAllBytes();
        boolean found = dynamo.getItem(b -> b.tableName(System.getenv("RENEWAL_TABLE_NAME"))
                .key(Map.of("PK", AttributeValue.fromS("FLOOR"), "SK", AttributeValue.fromS("FLOOR")))).hasItem();
        out.write(("{\"statusCode\":" + (found ? 200 : 404) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
