package org.partnerprogram.renewal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
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
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * SnapStart priming of AWS SDK clients (docs/adr/0006-snapstart-priming-answered-in-process.md).
 * A request made inside {@link #answeredInProcess}
 * takes the client's whole path (marshalling, endpoint resolution, signing, the HTTP client,
 * unmarshalling) but is answered by a server inside this JVM on the loopback interface: it never
 * leaves the machine, it is signed with {@link #CREDENTIALS} (so the client's own credentials are
 * never resolved into the snapshot), it reads no data, and it leaves no connection in the HTTP
 * client's pool (every answer says {@code Connection: close}).
 *
 * <p>A client is primed this way when this interceptor is on it: {@code DynamoClient} adds every
 * interceptor bean; a client built by hand adds it itself.
 */
@ApplicationScoped
public class SdkPriming implements ExecutionInterceptor {

    /** What priming requests are signed with: never a real credential. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming"));
    private static final String CREDENTIAL_SCOPE = "Credential=PRIMING/";

    /**
     * One request answered while priming: its operation (X-Amz-Target, or method and path), its
     * signature, and the client end of the connection it came on.
     */
    public record Answered(String operation, String authorization, InetSocketAddress connection) {
    }

    /** The in-process server answering this thread's requests while it primes; null otherwise. */
    private final ThreadLocal<HttpServer> responder = new ThreadLocal<>();

    /**
     * Runs {@code calls} with every SDK request they make on this thread answered in process with
     * {@code answerFor.apply(operation)}, a JSON body; returns the requests answered.
     */
    public List<Answered> answeredInProcess(Function<String, String> answerFor, Runnable calls) {
        List<Answered> answered = new CopyOnWriteArrayList<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, answerFor, answered));
        server.start();
        responder.set(server);
        try {
            calls.run();
        } finally {
            responder.remove();
            server.stop(0);
        }
        return List.copyOf(answered);
    }

    private static void answer(HttpExchange exchange, Function<String, String> answerFor, List<Answered> answered)
            throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null ? target : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            answered.add(new Answered(operation, exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRemoteAddress()));
            byte[] body = answerFor.apply(operation).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
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
    public void buildDefaultCredentialProviders() {
        AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                WebIdentityTokenFileCredentialsProvider.builder().build(), ProfileCredentialsProvider.builder().build(),
                ContainerCredentialsProvider.builder().build(), InstanceProfileCredentialsProvider.builder().build())
                .build().close();
    }

    /** While this thread primes, its requests go to the in-process server instead of AWS. */
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        HttpServer server = responder.get();
        if (server == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().protocol("http")
                .host(server.getAddress().getAddress().getHostAddress()).port(server.getAddress().getPort()).build();
    }

    /** A priming request signed with anything but {@link #CREDENTIALS} resolved a real credential: a bug. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (responder.get() != null && !context.httpRequest().firstMatchingHeader("Authorization")
                .map(value -> value.contains(CREDENTIAL_SCOPE)).orElse(false)) {
            throw new IllegalStateException("a priming request must carry SdkPriming.CREDENTIALS");
        }
    }
}
