package org.partnerprogram.renewal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * SnapStart priming of AWS SDK clients (docs/adr/0006-snapstart-priming-answered-in-process.md).
 * A request made inside {@link #answeredInProcess} takes the client's whole path (marshalling,
 * endpoint resolution, signing, the HTTP client, unmarshalling) but is answered by a server inside
 * this JVM on the loopback interface: it never leaves the machine, it is signed with
 * the priming key (the clients' credentials providers answer those while this thread primes,
 * see {@link #credentials}, so no real credential is resolved into the snapshot), and it leaves no
 * connection in the HTTP client's pool (every answer says {@code Connection: close}).
 *
 * <p>A client is primed this way when this interceptor is on it and its credentials come from
 * {@link #credentials}: {@code DynamoClient} adds every interceptor bean and the extension takes the
 * {@value #CREDENTIALS_BEAN} bean (application.properties); {@code SesMailer} does both itself.
 */
@ApplicationScoped
public class SdkPriming implements ExecutionInterceptor {

    /** The access key id priming requests are signed with: never a real credential's. */
    private static final String PRIMING_KEY = "PRIMING";
    /** The bean name of the service's credentials provider (quarkus.dynamodb.aws.credentials.custom-provider.name). */
    public static final String CREDENTIALS_BEAN = "service-credentials";
    private static final String CREDENTIAL_SCOPE = "Credential=" + PRIMING_KEY + "/";

    /** The in-process server answering this thread's requests while it primes; unset otherwise. */
    private static final ThreadLocal<HttpServer> RESPONDER = new ThreadLocal<>();

    /** One request as the in-process server received it: its operation (X-Amz-Target, or method and path) and body. */
    public record Request(String operation, String body) {
    }

    /** One request answered while priming: its operation, its signature, and the client end of its connection. */
    public record Answered(String operation, String authorization, InetSocketAddress connection) {
    }

    /** True while this thread primes: what it does is rehearsal, and must not be counted as work (metrics). */
    public static boolean priming() {
        return RESPONDER.get() != null;
    }

    /**
     * {@code real}, except that while this thread primes it answers the priming key without asking
     * {@code real}. The key is made when asked for, so an on-demand start, which never primes, does
     * not build it (2 ms of the start, docs/benchmark.md).
     */
    public static AwsCredentialsProvider credentials(AwsCredentialsProvider real) {
        return () -> priming() ? AwsBasicCredentials.create(PRIMING_KEY, "priming") : real.resolveCredentials();
    }

    /** The service's credentials in AWS: the SDK's default chain, asked only outside priming. */
    @Produces
    @Singleton
    @Named(CREDENTIALS_BEAN)
    AwsCredentialsProvider serviceCredentials() {
        return credentials(DefaultCredentialsProvider.builder().build());
    }

    /**
     * Runs {@code calls} with every SDK request they make on this thread answered in process with
     * {@code answerFor.apply(request)}, a JSON body of the request's content type; returns the
     * requests answered.
     */
    public List<Answered> answeredInProcess(Function<Request, String> answerFor, Runnable calls) {
        List<Answered> answered = new CopyOnWriteArrayList<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, answerFor, answered));
        server.start();
        RESPONDER.set(server);
        try {
            calls.run();
        } finally {
            RESPONDER.remove();
            server.stop(0);
        }
        return List.copyOf(answered);
    }

    private static void answer(HttpExchange exchange, Function<Request, String> answerFor, List<Answered> answered)
            throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null ? target : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            answered.add(new Answered(operation, exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRemoteAddress()));
            byte[] body = answerFor.apply(new Request(operation, request)).getBytes(StandardCharsets.UTF_8);
            // The request's own type is the protocol's: application/x-amz-json-1.0 for DynamoDB's
            // JSON RPC, application/json for a REST-JSON service such as SES v2.
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            exchange.getResponseHeaders().set("Content-Type", type != null ? type : "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "priming");
            // The client must not keep this connection: the snapshot carries none.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * The SDK's default credentials chain builds its providers on the first request: build the same
     * ones here and close them unasked, so their classes are loaded and initialised before the
     * snapshot. No provider is asked for a credential.
     */
    public static void buildDefaultCredentialProviders() {
        AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                WebIdentityTokenFileCredentialsProvider.builder().build(), ProfileCredentialsProvider.builder().build(),
                ContainerCredentialsProvider.builder().build(), InstanceProfileCredentialsProvider.builder().build())
                .build().close();
    }

    /** While this thread primes, its requests go to the in-process server instead of AWS. */
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        HttpServer server = RESPONDER.get();
        if (server == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().protocol("http")
                .host(server.getAddress().getAddress().getHostAddress()).port(server.getAddress().getPort()).build();
    }

    /** A priming request signed with anything but the priming key resolved a real credential: a bug. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (priming() && !context.httpRequest().firstMatchingHeader("Authorization")
                .map(value -> value.contains(CREDENTIAL_SCOPE)).orElse(false)) {
            throw new IllegalStateException("a priming request must be signed with the priming key");
        }
    }
}
