package org.partnerprogram.renewal.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.lambda.ConsoleHandler;
import org.partnerprogram.renewal.usecase.EnrolOffer;
import org.partnerprogram.renewal.usecase.Today;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local run (./mvnw quarkus:dev) and the tests' environment: DynamoDB Local in memory, the
 * table, the demo data (dev), the API on 127.0.0.1 as template.yaml declares it, the SES capture
 * and its mailbox, and the stream delivering the outbox to the notify handler. Build
 * profiles dev and test only: none of this exists in the Lambda build.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalRun {

    private static final Logger LOG = Logger.getLogger(LocalRun.class);

    @ConfigProperty(name = "local.dynamodb-port")
    int dynamoPort;
    @ConfigProperty(name = "local.api-port")
    int apiPort;
    @ConfigProperty(name = "local.demo-data", defaultValue = "false")
    boolean demoData;
    @ConfigProperty(name = "local.template", defaultValue = "template.yaml")
    Path template;
    @ConfigProperty(name = "local.openapi", defaultValue = "openapi.yaml")
    Path openApi;
    /** Deliver the table's outbox to the notify handler, as stream, pipe and bus do in AWS. */
    @ConfigProperty(name = "local.notify-from-stream", defaultValue = "true")
    boolean notifyFromStream;

    private final DynamoDbClient dynamo;
    private final RenewalConfig config;
    private final EnrolOffer enrol;
    private final LocalClock clock;
    private final Today today;
    private final Instance<RequestStreamHandler> handlers;
    private LocalDynamo localDynamo;
    private LocalApi api;
    private LocalStreams streams;
    private LocalMailbox mailbox;

    public LocalRun(DynamoDbClient dynamo, RenewalConfig config, EnrolOffer enrol, LocalClock clock, Today today,
            @Any Instance<RequestStreamHandler> handlers) {
        this.dynamo = dynamo;
        this.config = config;
        this.enrol = enrol;
        this.clock = clock;
        this.today = today;
        this.handlers = handlers;
    }

    void start(@Observes StartupEvent startup) {
        localDynamo = LocalDynamo.start(dynamoPort);
        LocalDynamo.createTable(dynamo, config.tableName());
        if (demoData) {
            DemoData.load(enrol, config.auth().operatorRole());
        }
        mailbox = new LocalMailbox(clock);
        LocalApi.Template routes;
        try {
            routes = LocalApi.Template.read(template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routes of " + template.toAbsolutePath(), e);
        }
        try {
            api = LocalApi.start(apiPort, routes, name -> handlers.select(NamedLiteral.of(name)).get(), clock,
                    this::consoleConfig, openApi, mailbox);
        } catch (BindException e) {
            throw portInUse(apiPort, "local.api-port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local API on port " + apiPort, e);
        }
        if (notifyFromStream) {
            String streamArn = dynamo.describeTable(b -> b.tableName(config.tableName())).table().latestStreamArn();
            streams = LocalStreams.start(dynamoPort, streamArn, () -> handlers.select(NamedLiteral.of("notify")).get());
        }
        LOG.infof("Renewal API ready on http://127.0.0.1:%d (clock %s%s); console at http://127.0.0.1:%d/", api.port(),
                clock.instant(), clock.pinned() != null ? ", pinned" : "", api.port());
    }

    /** A port of the local run that another process holds: said plainly, with the setting that moves it. */
    static IllegalStateException portInUse(int port, String setting, Exception cause) {
        return new IllegalStateException("port " + port + " on 127.0.0.1 is in use (another local run?): stop what holds"
                + " it, or start on another port: ./mvnw quarkus:dev -D" + setting + "=" + (port + 1), cause);
    }

    /**
     * The console's sign-in: the persona picker, or OpenID Connect as deployed when an issuer is
     * configured (renewal.console.issuer, client-id, redirect-uri: e.g. a development issuer).
     */
    private Map<String, Object> consoleConfig() {
        Map<String, Object> deployed = ConsoleHandler.signIn(config.console(), config.auth(), "", today.date());
        return config.console().issuer().isPresent() ? deployed : Personas.consoleConfig(deployed);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (streams != null) {
            streams.close();
        }
        if (api != null) {
            api.close();
        }
        if (localDynamo != null) {
            localDynamo.close();
        }
    }

    /** The port the API listens on (tests start it on a free one). */
    public int apiPort() {
        return api.port();
    }

    public LocalClock clock() {
        return clock;
    }

    /** Holds the stream's deliveries to the notify handler (and waits for those under way); tests only. */
    public void pauseNotifications() {
        if (streams != null) {
            streams.pause(10_000);
        }
    }

    public void resumeNotifications() {
        if (streams != null) {
            streams.resume();
        }
    }

    /** What the SES capture received. */
    public LocalMailbox mailbox() {
        return mailbox;
    }
}
