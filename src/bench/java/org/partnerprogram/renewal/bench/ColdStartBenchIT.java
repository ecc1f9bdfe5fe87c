package org.partnerprogram.renewal.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.local.LocalDynamo;
import org.partnerprogram.renewal.store.Table;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the real package: target/function.zip run by the AWS Lambda runtime interface
 * client against a mock Runtime API (no Docker), five times with the JVM options template.yaml
 * gives the functions and, interleaved, five times with the JVM's defaults. Init = process start
 * to the first "next invocation" request; first response = process start to the handler's answer.
 * Runs after `package`, then prints the benchmark's table.
 */
@Tag("bench")
class ColdStartBenchIT {

    static final int RUNS = 5;
    static final File ZIP = new File("target/function.zip");

    @Test
    void coldStartOfTheCheckFunction() throws Exception {
        BenchTable.continueTable();
        Path function = unzip(ZIP, Path.of("target", "bench", "function"));
        int dynamoPort = freePort();
        try (LocalDynamo dynamoLocal = LocalDynamo.start(dynamoPort)) {
            try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build()) {
                dynamo.createTable(Table.createRequest("bench-cold"));
            }
            String templateOptions = javaToolOptionsOfTheTemplate();
            long[] init = new long[RUNS];
            long[] first = new long[RUNS];
            long[] firstWithJvmDefaults = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long[] times = coldStart(function, dynamoPort, templateOptions);
                init[run] = times[0];
                first[run] = times[1];
                // Interleaved, so both sets see the same machine: what the template's options buy.
                firstWithJvmDefaults[run] = coldStart(function, dynamoPort, "")[1];
            }
            BenchTable.row("cold start: init (process start to first /next), median of " + RUNS,
                    "%d ms (runs: %s)".formatted(median(init), Arrays.toString(init)), "reported", true);
            BenchTable.row("cold start: first response, median of " + RUNS,
                    "%d ms (runs: %s)".formatted(median(first), Arrays.toString(first)), "reported", true);
            double ratio = (double) median(first) / median(firstWithJvmDefaults);
            BenchTable.row("cold start: first response with the template's JVM options (%s) / JVM defaults".formatted(templateOptions),
                    "%.2f (%d ms / %d ms, runs with defaults: %s)".formatted(ratio, median(first), median(firstWithJvmDefaults),
                            Arrays.toString(firstWithJvmDefaults)), "< 1", ratio < 1);
        }
        long size = ZIP.length();
        BenchTable.row("function.zip size", "%.1f MB (%,d bytes)".formatted(size / 1024.0 / 1024.0, size), "<= 20 MB",
                size <= 20L * 1024 * 1024);
        BenchTable.print();
    }

    /** One cold start; returns {init ms, first response ms}. */
    static long[] coldStart(Path function, int dynamoPort, String javaToolOptions) throws Exception {
        String event = """
                {"version":"2.0","routeKey":"GET /partners/{partnerId}/offers/{offerId}","pathParameters":{"partnerId":"p","offerId":"o"},
                 "headers":{},"requestContext":{"requestId":"cold","authorizer":{"jwt":{"claims":{"partner_id":"p","roles":"[mpn-partner-admin]"}}}},
                 "isBase64Encoded":false}""";
        CompletableFuture<Long> firstNext = new CompletableFuture<>();
        CompletableFuture<Long> response = new CompletableFuture<>();
        HttpServer runtime = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        runtime.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
            if (firstNext.isDone()) {
                response.join(); // one invocation per run: hold the second poll until the run ends
                exchange.close();
                return;
            }
            firstNext.complete(System.nanoTime());
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "cold-1");
            exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:check");
            exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        runtime.createContext("/2018-06-01/runtime/invocation/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.contains("\"statusCode\":404")) {
                    System.err.println("unexpected answer: " + answer);
                }
            }
            response.complete(System.nanoTime());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        runtime.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        runtime.start();
        String classpath = String.join(File.pathSeparator, function.toString(), function.resolve("lib") + File.separator + "*",
                jarOf(com.amazonaws.services.lambda.runtime.api.client.AWSLambda.class),
                jarOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class));
        ProcessBuilder builder = new ProcessBuilder("java", "-cp", classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "bench", "cold-start.log").toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtime.getAddress().getPort());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "bench");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "bench");
        builder.environment().put("QUARKUS_LAMBDA_HANDLER", "check");
        builder.environment().put("RENEWAL_TABLE_NAME", "bench-cold");
        builder.environment().put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", "http://127.0.0.1:" + dynamoPort);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            long done = response.get(60, TimeUnit.SECONDS);
            return new long[] {(firstNext.get() - started) / 1_000_000, (done - started) / 1_000_000};
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            runtime.stop(0);
        }
    }

    static String javaToolOptionsOfTheTemplate() throws IOException {
        return new YAMLMapper().readTree(new File("template.yaml"))
                .path("Globals").path("Function").path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText();
    }

    static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static Path unzip(File zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipFile file = new ZipFile(zip)) {
            List<? extends ZipEntry> entries = new ArrayList<>(java.util.Collections.list(file.entries()));
            for (ZipEntry entry : entries) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return into;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
