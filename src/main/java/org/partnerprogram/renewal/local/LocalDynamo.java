package org.partnerprogram.renewal.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.store.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * DynamoDB Local in this JVM, in memory (docs/adr/0003-local-emulation-without-docker.md): no Docker, no AWS
 * account. Used by the local run and the tests; never by the Lambda package.
 */
public final class LocalDynamo implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalDynamo.class);
    private final DynamoDBProxyServer server;

    private LocalDynamo(DynamoDBProxyServer server) {
        this.server = server;
    }

    public static LocalDynamo start(int port) {
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            LOG.infof("DynamoDB Local (in memory) listening on 127.0.0.1:%d", port);
            return new LocalDynamo(server);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Creates the table as template.yaml declares it (index, stream, TTL); an existing one is kept. */
    public static void createTable(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(Table.createRequest(tableName));
            dynamo.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(Table.EXPIRES_AT).enabled(true).build()));
        } catch (ResourceInUseException e) {
            LOG.debugf("table %s exists", tableName);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("DynamoDB Local did not stop cleanly", e);
        }
    }
}
