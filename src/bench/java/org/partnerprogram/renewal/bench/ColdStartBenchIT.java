package org.partnerprogram.renewal.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.partnerprogram.renewal.bench.QuickHttpServer.Response;
import org.junit.jupiter.api.Test;

/**
 * Cold start and first invocation of the real package: target/function.zip run by the AWS Lambda
 * runtime interface client against a mock Runtime API and a DynamoDB stand-in that answers at once
 * (both {@link QuickHttpServer}; DynamoDB Local is no speed reference), one process
 * per start, the variants interleaved in each of {@link #RUNS} rounds so they share the machine:
 * <ul>
 * <li>on-demand: the check function as a cold start runs it (template.yaml's JVM options);
 * <li>SnapStart: the same with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, so the runtime
 * interface client runs the CRaC hooks (the priming) at the end of init and asks for
 * {@code /restore/next}: the stand-in for a restore, without the snapshot itself;
 * <li>floor: the smallest Quarkus function doing one GetItem (src/bench/floor), same options;
 * <li>JVM defaults: on-demand without the template's JVM options;
 * <li>SnapStart notify: the notify function, primed the same way, emailing a renewal's receipt
 * against {@link NotifyStandIn} (DynamoDB holding the renewal, and SES).
 * </ul>
 * Each process serves one first invocation and {@link #WARM} warm ones of the same event. Init =
 * process start to the first poll; first response = process start to the first answer; an
 * invocation = its event handed out to its answer. Runs after `package`, then prints the table.
 */
@Tag("bench")
class ColdStartBenchIT {

    /**
     * Rounds: 20 keep two standard errors of the floor ratio's geometric mean near 0.02 on a quiet
     * machine (10 gave up to 0.12 on a busy one); -Dbench.cold.runs=1 for a quick look while investigating.
     */
    static final int RUNS = Integer.getInteger("bench.cold.runs", 20);
    /** JVM options added to every variant, e.g. -Dbench.cold.diagnostics=-Xlog:class+load:file=... while investigating. */
    static final String DIAGNOSTICS = System.getProperty("bench.cold.diagnostics", "");
    /** Only these variants (comma-separated names, e.g. "on-demand,floor") while investigating; all by default. */
    static final List<String> ONLY = Arrays.stream(System.getProperty("bench.cold.variants", "").split(","))
            .map(String::strip).filter(name -> !name.isEmpty()).toList();
    /**
     * Another build's function.zip, started as the variant "compared" beside this one (on demand, the
     * same options) while investigating whether a change takes time out of a cold start; none by default.
     */
    static final String COMPARED = System.getProperty("bench.cold.compared", "");
    /** Warm invocations after the first; -Dbench.cold.warm=1 keeps a profile of the start from being diluted by them. */
    static final int WARM = Integer.getInteger("bench.cold.warm", 20);
    static final File ZIP = new File("target/function.zip");
    static final File FLOOR_ZIP = new File("target/bench/floor-build/function.zip");
    /** The check function's event: an offer that does not exist (the stand-in finds nothing), answered 404. */
    static final String EVENT = """
            {"version":"2.0","routeKey":"GET /partners/{partnerId}/offers/{offerId}","pathParameters":{"partnerId":"p","offerId":"o"},
             "headers":{},"requestContext":{"requestId":"cold","authorizer":{"jwt":{"claims":{"partner_id":"p","roles":"[mpn-partner-admin]"}}}},
             "isBase64Encoded":false}""";
    /** Makes org.crac register hooks with the runtime interface client's CRaC context, as Lambda does. */
    static final String CRAC_OF_THE_RUNTIME = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";

    /** One variant: which package, which JVM options, which extra environment, which event and what its answer contains. */
    record Variant(String name, Path function, String javaToolOptions, Map<String, String> environment, String event,
            String answer) {
        Variant(String name, Path function, String javaToolOptions, Map<String, String> environment) {
            this(name, function, javaToolOptions, environment, EVENT, "\"statusCode\":404");
        }
    }

    /** One process: times in ms; invocations[0] is the first. */
    record Start(long init, long firstResponse, long firstResponseCpu, long[] invocations, String log) {
        long first() {
            return invocations[0];
        }

        long warm() {
            return median(Arrays.copyOfRange(invocations, 1, invocations.length));
        }
    }

    @Test
    void coldStartAndFirstInvocationOfTheFunctions() throws Exception {
        BenchTable.continueTable();
        Path function = unzip(ZIP, Path.of("target", "bench", "function"));
        Path floor = unzip(FLOOR_ZIP, Path.of("target", "bench", "floor"));
        String options = javaToolOptionsOfTheTemplate();
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        // DynamoDB's answers for an offer that does not exist: the function answers 404, the floor finds no item.
        try (NotifyStandIn notify = NotifyStandIn.start();
                QuickHttpServer dynamo = new QuickHttpServer(request -> Response.json(200,
                        String.valueOf(request.header("X-Amz-Target")).endsWith(".Query") ? "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}" : "{}",
                        Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-RequestId", "bench")))) {
            List<Variant> variants = List.of(
                    new Variant("on-demand", function, options, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")),
                    new Variant("SnapStart", function, options + " " + CRAC_OF_THE_RUNTIME, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")),
                    new Variant("floor", floor, options, Map.of("QUARKUS_LAMBDA_HANDLER", "floor", "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")),
                    new Variant("JVM defaults", function, "", Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")),
                    new Variant("SnapStart notify", function, options + " " + CRAC_OF_THE_RUNTIME, Map.of(
                            "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "QUARKUS_LAMBDA_HANDLER", "notify",
                            "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", notify.endpoint(), "RENEWAL_MAIL_ENDPOINT_OVERRIDE", notify.endpoint(),
                            "RENEWAL_MAIL_REGION", "us-east-1"), notify.receiptEvent(), "\"result\":\"SENT\""))
                    .stream().filter(v -> ONLY.isEmpty() || ONLY.contains(v.name())).collect(Collectors.toCollection(ArrayList::new));
            if (!COMPARED.isEmpty()) {
                variants.add(new Variant("compared", unzip(new File(COMPARED), Path.of("target", "bench", "compared")), options,
                        Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));
            }
            variants.forEach(v -> starts.put(v.name(), new ArrayList<>()));
            for (int run = 0; run < RUNS; run++) {
                for (int i = 0; i < variants.size(); i++) {
                    // Rotated each round, so no variant always runs right after the same one.
                    Variant variant = variants.get((i + run) % variants.size());
                    starts.get(variant.name()).add(start(variant, dynamo, run, WARM, DIAGNOSTICS));
                }
            }
            Map<String, Variant> byName = new LinkedHashMap<>();
            variants.forEach(v -> byName.put(v.name(), v));
            if (byName.containsKey("on-demand") && byName.containsKey("floor")) {
                reportClasses(classesToTheFirstAnswer(byName.get("on-demand"), dynamo), classesToTheFirstAnswer(byName.get("floor"), dynamo));
            }
        }
        report(starts, options);
        long size = ZIP.length();
        BenchTable.row("function.zip size", "%.1f MB (%,d bytes)".formatted(size / 1024.0 / 1024.0, size), "<= 20 MB",
                size <= 20L * 1024 * 1024);
        BenchTable.print();
    }

    static void report(Map<String, List<Start>> starts, String options) {
        List<Start> onDemand = starts.get("on-demand");
        List<Start> floor = starts.get("floor");
        if (onDemand == null || floor == null) { // a partial run (bench.cold.variants): its processes' times only
            starts.forEach((name, runs) -> BenchTable.row(name + ": init / first invocation / first response, medians of " + RUNS,
                    "%d ms / %d ms / %d ms, CPU %d ms; first / warm %.1f [%s] (first responses: %s; first invocations: %s)".formatted(
                            median(runs, Start::init), median(runs, Start::first), median(runs, Start::firstResponse),
                            median(runs, Start::firstResponseCpu), medianRatio(runs), spread(runs), list(runs, Start::firstResponse),
                            list(runs, Start::first)), "reported", true));
            return;
        }
        BenchTable.row("on-demand cold start: init (process start to first poll), median of " + RUNS,
                "%d ms (runs: %s)".formatted(median(onDemand, Start::init), list(onDemand, Start::init)), "reported", true);
        BenchTable.row("on-demand cold start: first response, median of " + RUNS,
                "%d ms (runs: %s)".formatted(median(onDemand, Start::firstResponse), list(onDemand, Start::firstResponse)), "reported", true);
        BenchTable.row("floor: init / first invocation / first response, medians of " + RUNS,
                "%d ms / %d ms / %d ms (this function's: %d ms / %d ms / %d ms; first invocations: floor %s, function %s)"
                        .formatted(median(floor, Start::init), median(floor, Start::first), median(floor, Start::firstResponse),
                                median(onDemand, Start::init), median(onDemand, Start::first), median(onDemand, Start::firstResponse),
                                list(floor, Start::first), list(onDemand, Start::first)), "reported", true);
        // Each round starts the two back to back, so a slow phase of the machine slows both: the ratio
        // within each round cancels what the rounds do not share, and their geometric mean is the
        // estimate the target is held to (the medians of the two can land in different phases).
        RoundsRatios rounds = RoundsRatios.of(onDemand, floor);
        BenchTable.row("**ratio: on-demand first response / floor's** (a Quarkus function doing one GetItem): geometric mean of the rounds' ratios",
                "%s%s".formatted(rounds, rounds.spans(1.05) ? "; within the noise of 1.05" : ""), "<= 1.05", rounds.geometricMean() <= 1.05);
        double coldOverFloor = ratioOfMedians(onDemand, floor, Start::firstResponse);
        BenchTable.row("ratio: on-demand first response / floor's, medians",
                "%.2f (%d ms / %d ms; floor runs: %s)".formatted(coldOverFloor, median(onDemand, Start::firstResponse),
                        median(floor, Start::firstResponse), list(floor, Start::firstResponse)), "reported", true);
        // Interference from outside (other processes, a noisy neighbour of the VM) only ever adds time:
        // the fastest run of each is the least disturbed estimate of its own cost.
        double fastestOverFloor = (double) min(onDemand, Start::firstResponse) / min(floor, Start::firstResponse);
        BenchTable.row("ratio: on-demand first response / floor's, fastest run of each",
                "%.2f (%d ms / %d ms)".formatted(fastestOverFloor, min(onDemand, Start::firstResponse), min(floor, Start::firstResponse)),
                "reported", true);
        List<Start> compared = starts.get("compared");
        if (compared != null) {
            BenchTable.row("ratio: the compared build's first response / floor's (%s): geometric mean of the rounds' ratios; medians".formatted(COMPARED),
                    "%s; %.2f (%d ms / %d ms)".formatted(RoundsRatios.of(compared, floor),
                            ratioOfMedians(compared, floor, Start::firstResponse),
                            median(compared, Start::firstResponse), median(floor, Start::firstResponse)),
                    "reported", true);
        }
        // CPU time (all threads) is what the process did, whatever else the cores were busy with.
        BenchTable.row("CPU time to the first response, on-demand / floor's (medians)",
                "%.2f (%d ms / %d ms; runs: %s / %s)".formatted(ratioOfMedians(onDemand, floor, Start::firstResponseCpu),
                        median(onDemand, Start::firstResponseCpu),
                        median(floor, Start::firstResponseCpu), list(onDemand, Start::firstResponseCpu), list(floor, Start::firstResponseCpu)),
                "reported", true);
        starts.forEach((name, runs) -> {
            if (name.startsWith("SnapStart")) {
                double ratio = medianRatio(runs);
                String ratioName = name.equals("SnapStart") ? "**ratio: SnapStart first invocation after priming / warm**"
                        : "ratio: " + name + " (a receipt emailed), first invocation after priming / warm";
                BenchTable.row(ratioName, "%.1f [%s] (first %d ms, runs %s; warm %d ms, runs %s)".formatted(ratio, spread(runs),
                        median(runs, Start::first), list(runs, Start::first), median(runs, Start::warm), list(runs, Start::warm)),
                        "<= 3", ratio <= 3);
                runs.stream().filter(s -> !s.log().contains("primed function ")).findAny().ifPresent(s ->
                        BenchTable.row(name + ": priming ran", "NOT in every run", "in every run", false));
            }
        });
        BenchTable.row("**ratio: on-demand first invocation (not primed) / warm**",
                "%.1f [%s] (first %d ms, runs %s; warm %d ms, runs %s)".formatted(medianRatio(onDemand), spread(onDemand),
                        median(onDemand, Start::first), list(onDemand, Start::first), median(onDemand, Start::warm),
                        list(onDemand, Start::warm)), "reported", true);
        List<Start> defaults = starts.get("JVM defaults");
        if (defaults == null) {
            return;
        }
        double ratio = ratioOfMedians(onDemand, defaults, Start::firstResponse);
        BenchTable.row("on-demand first response with the template's JVM options (%s) / JVM defaults".formatted(options),
                "%.2f (%d ms / %d ms, runs with defaults: %s)".formatted(ratio, median(onDemand, Start::firstResponse),
                        median(defaults, Start::firstResponse), list(defaults, Start::firstResponse)), "< 1", ratio < 1);
    }

    /**
     * The rounds' own ratios of first responses (one start of each in every round): their geometric
     * mean with two standard errors, which say how far one run's ratio can be trusted, their median
     * and their range.
     */
    record RoundsRatios(double geometricMean, double twoStandardErrors, double median, double min, double max) {

        static RoundsRatios of(List<Start> starts, List<Start> floor) {
            double[] perRound = java.util.stream.IntStream.range(0, starts.size())
                    .mapToDouble(i -> (double) starts.get(i).firstResponse() / floor.get(i).firstResponse()).sorted().toArray();
            double[] logs = Arrays.stream(perRound).map(Math::log).toArray();
            double mean = Arrays.stream(logs).average().orElseThrow();
            double spread = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, logs.length - 1));
            return new RoundsRatios(Math.exp(mean), 2 * Math.exp(mean) * spread / Math.sqrt(logs.length),
                    perRound[perRound.length / 2], perRound[0], perRound[perRound.length - 1]);
        }

        boolean spans(double value) {
            return geometricMean() - twoStandardErrors() <= value && value <= geometricMean() + twoStandardErrors();
        }

        @Override
        public String toString() {
            return "%.2f ± %.2f (two standard errors; median %.2f [%.2f–%.2f])".formatted(geometricMean, twoStandardErrors, median, min, max);
        }
    }

    /**
     * One process serving one first and {@code warm} warm invocations, with {@code diagnostics} among
     * its JVM options. It is stopped once it polls for the next one: SIGTERM, then SIGKILL if it has
     * not exited within 10 s.
     */
    static Start start(Variant variant, QuickHttpServer dynamo, int run, int warm, String diagnostics) throws Exception {
        int invocations = 1 + warm;
        long[] handedOut = new long[invocations];
        long[] answered = new long[invocations];
        CompletableFuture<Long> firstPoll = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Process> launched = new CompletableFuture<>();
        CompletableFuture<Void> polledAfterLast = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        CompletableFuture<Long> cpuAtFirstAnswer = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        QuickHttpServer runtime = new QuickHttpServer(request -> {
            String path = request.path();
            String body = new String(request.body(), StandardCharsets.UTF_8);
            if (path.endsWith("/restore/next")) {
                firstPoll.complete(System.nanoTime());
                return Response.json(200, "", Map.of());
            }
            if (path.endsWith("/invocation/next")) {
                firstPoll.complete(System.nanoTime());
                int index = next.getAndIncrement();
                if (index >= invocations) {
                    polledAfterLast.complete(null);
                    stopped.join(); // hold the poll until the process is stopped
                    throw new IllegalStateException("run over");
                }
                handedOut[index] = System.nanoTime();
                return Response.json(200, variant.event(), Map.of("Lambda-Runtime-Aws-Request-Id", Integer.toString(index),
                        "Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000),
                        "Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:check",
                        "Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000"));
            }
            if (path.endsWith("/response")) {
                int index = Integer.parseInt(path.split("/")[4]);
                answered[index] = System.nanoTime();
                if (index == 0) { // the CPU time of all its threads (main, JIT, GC) up to its first answer
                    cpuAtFirstAnswer.complete(launched.join().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
                }
                if (!body.contains(variant.answer())) {
                    done.completeExceptionally(new IllegalStateException("unexpected answer: " + body));
                } else if (index == invocations - 1) {
                    done.complete(null);
                }
                return Response.json(202, "", Map.of());
            }
            done.completeExceptionally(new IllegalStateException(path + ": " + body)); // init, restore or invocation error
            return Response.json(202, "", Map.of());
        });
        String classpath = String.join(File.pathSeparator, variant.function().toString(),
                variant.function().resolve("lib") + File.separator + "*",
                jarOf(com.amazonaws.services.lambda.runtime.api.client.AWSLambda.class),
                jarOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class));
        Path log = Path.of("target", "bench", "cold-start-%s-%d.log".formatted(variant.name().replaceAll("\\W+", "-"), run));
        ProcessBuilder builder = new ProcessBuilder("java", "-cp", classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", (variant.javaToolOptions() + " " + diagnostics
                .replace("{variant}", variant.name().replaceAll("\\W+", "-")).replace("{run}", Integer.toString(run))).strip());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtime.port());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "bench");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "bench");
        builder.environment().put("QUARKUS_LAMBDA_HANDLER", "check");
        builder.environment().put("RENEWAL_TABLE_NAME", "bench-cold");
        builder.environment().put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", "http://127.0.0.1:" + dynamo.port());
        builder.environment().putAll(variant.environment());
        long started = System.nanoTime();
        Process process = builder.start();
        launched.complete(process);
        try {
            done.get(120, TimeUnit.SECONDS);
            polledAfterLast.get(30, TimeUnit.SECONDS);
            long[] times = new long[invocations];
            for (int i = 0; i < invocations; i++) {
                times[i] = (answered[i] - handedOut[i]) / 1_000_000;
            }
            return new Start((firstPoll.get() - started) / 1_000_000, (answered[0] - started) / 1_000_000,
                    cpuAtFirstAnswer.get(), times,
                    Files.readString(log));
        } finally {
            // SIGTERM first, so a profiler or recorder among the diagnostics writes its file at exit;
            // killed if it does not stop in time.
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            stopped.complete(null);
            runtime.close();
        }
    }

    /**
     * The classes one more start of the variant loaded up to its first answer (logged by the JVM, so
     * this start is not timed): unlike times, the same in every run, which makes it the figure to
     * compare when a change is meant to take work out of a cold start.
     */
    static List<String> classesToTheFirstAnswer(Variant variant, QuickHttpServer dynamo) throws Exception {
        Path classes = Path.of("target", "bench", "classes-%s.log".formatted(variant.name().replaceAll("\\W+", "-")));
        Files.deleteIfExists(classes);
        start(variant, dynamo, 0, 0, "-Xlog:class+load=info:file=" + classes);
        return Files.readAllLines(classes);
    }

    static void reportClasses(List<String> function, List<String> floor) {
        long functionArchived = archived(function);
        long floorArchived = archived(floor);
        BenchTable.row("classes loaded to the first answer: on-demand / floor (the JDK's archived ones / the rest)",
                "%,d / %,d (%,d / %,d against %,d / %,d): %,d more".formatted(function.size(), floor.size(), functionArchived,
                        function.size() - functionArchived, floorArchived, floor.size() - floorArchived,
                        function.size() - floor.size()), "reported", true);
    }

    /** Loaded from the JDK's class data sharing archive: mapped, not parsed or verified. */
    static long archived(List<String> classes) {
        return classes.stream().filter(line -> line.endsWith("source: shared objects file")).count();
    }

    static double medianRatio(List<Start> runs) {
        double[] ratios = firstOverWarm(runs);
        return ratios[ratios.length / 2];
    }

    static String spread(List<Start> runs) {
        double[] ratios = firstOverWarm(runs);
        return "%.1f–%.1f".formatted(ratios[0], ratios[ratios.length - 1]);
    }

    /** Each run's first invocation over its warm one, sorted. */
    private static double[] firstOverWarm(List<Start> runs) {
        return runs.stream().mapToDouble(s -> (double) s.first() / Math.max(1, s.warm())).sorted().toArray();
    }

    /** The median of one figure in {@code runs} over its median in {@code reference}. */
    static double ratioOfMedians(List<Start> runs, List<Start> reference, java.util.function.ToLongFunction<Start> figure) {
        return (double) median(runs, figure) / median(reference, figure);
    }

    static long median(List<Start> runs, java.util.function.ToLongFunction<Start> figure) {
        return median(runs.stream().mapToLong(figure).toArray());
    }

    static long min(List<Start> runs, java.util.function.ToLongFunction<Start> figure) {
        return runs.stream().mapToLong(figure).min().orElseThrow();
    }

    static String list(List<Start> runs, java.util.function.ToLongFunction<Start> figure) {
        return Arrays.toString(runs.stream().mapToLong(figure).toArray());
    }

    static String javaToolOptionsOfTheTemplate() throws IOException {
        return new YAMLMapper().readTree(new File("template.yaml"))
                .path("Globals").path("Function").path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText();
    }

    static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static Path unzip(File zip, Path into) throws IOException {
        if (Files.exists(into)) { // no jar of an earlier package may stay on the classpath
            try (var old = Files.walk(into)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
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

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
