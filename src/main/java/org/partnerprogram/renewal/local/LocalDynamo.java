package org.partnerprogram.renewal.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.BindException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
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
    private final Server server;
    private final LocalDynamoDBServerHandler handler;

    private LocalDynamo(Server server, LocalDynamoDBServerHandler handler) {
        this.server = server;
        this.handler = handler;
    }

    /**
     * Listens on 127.0.0.1 only, like the local API: DynamoDB Local's own launcher (ServerRunner)
     * listens on every interface and has no option for it, so its request handler is served here by
     * the Jetty it ships with. In memory; nothing is sent to AWS (no telemetry).
     */
    public static LocalDynamo start(int port) {
        Server server = new Server();
        ServerConnector loopback = new ServerConnector(server);
        loopback.setHost("127.0.0.1");
        loopback.setPort(port);
        server.addConnector(loopback);
        try {
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, true, null, false, false), null);
            server.setHandler(new ContextHandler(handler, "/"));
            server.start();
            LOG.infof("DynamoDB Local (in memory) listening on 127.0.0.1:%d", loopback.getLocalPort());
            return new LocalDynamo(server, handler);
        } catch (Exception e) {
            stopQuietly(server);
            throw e.getCause() instanceof BindException ? LocalRun.portInUse(port, "local.dynamodb-port", e)
                    : new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
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
        stopQuietly(server);
        handler.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("DynamoDB Local did not stop cleanly", e);
        }
    }
}
