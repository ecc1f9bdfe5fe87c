package org.partnerprogram.renewal;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the in-process DynamoDB Local and the local API (started by the local run) free ports for
 * each test JVM; the API's is known before start-up because the SES client's endpoint (the local
 * capture) is configured with it.
 */
public class FreeDynamoPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket dynamo = new ServerSocket(0); ServerSocket api = new ServerSocket(0)) {
            return Map.of("local.dynamodb-port", Integer.toString(dynamo.getLocalPort()),
                    "local.api-port", Integer.toString(api.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
