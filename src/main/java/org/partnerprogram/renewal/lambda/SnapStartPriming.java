package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.store.PrimingTable;
import org.partnerprogram.renewal.usecase.Today;

/**
 * SnapStart priming (docs/adr/0006-snapstart-priming-answered-in-process.md): before Lambda
 * snapshots a function, rehearse its work so the restored JVM answers its first caller at warm
 * speed. The rehearsal is a short scenario of synthetic invocations through the function's own
 * handler, as its callers send them ({@link PrimingScenario}), so every layer runs: event parsing, the route,
 * identity, the use case, the rules, the store with the DynamoDB client, SES, the JSON views,
 * problem+json and the JSON log line. Every SDK request is answered in process from a
 * {@link PrimingTable}: the snapshot carries no connection, credential or data, and nothing
 * reaches AWS. Metrics are not written while priming; log lines carry the request id
 * {@value PrimingScenario#ID}. On-demand starts never run it (no checkpoint, nothing to pay back).
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    /** Rounds of the scenario before a snapshot: the JIT compiles what runs often, as after a few real invocations. */
    static final int ROUNDS = 3;

    /** What priming did: each step's answer ("check GET_OFFER -> 200") and the SDK requests answered in process. */
    record Primed(List<String> answers, List<SdkPriming.Answered> requests) {
    }

    private final Function<String, RequestStreamHandler> handlers;
    private final SdkPriming sdk;
    private final RenewalConfig.Auth auth;
    private final Today today;
    private final String function;

    @Inject
    public SnapStartPriming(@Any Instance<RequestStreamHandler> handlers, SdkPriming sdk, RenewalConfig config, Today today) {
        this(name -> handlers.select(NamedLiteral.of(name)).get(), sdk, config, today,
                ConfigProvider.getConfig().getValue("quarkus.lambda.handler", String.class));
    }

    /** @param handlers the handler of each function by name (its QUARKUS_LAMBDA_HANDLER) */
    SnapStartPriming(Function<String, RequestStreamHandler> handlers, SdkPriming sdk, RenewalConfig config, Today today,
            String function) {
        this.handlers = handlers;
        this.sdk = sdk;
        this.auth = config.auth();
        this.today = today;
        this.function = function;
    }

    /**
     * When to rehearse, by how Lambda starts this instance (AWS_LAMBDA_INITIALIZATION_TYPE):
     * SnapStart before the snapshot; provisioned concurrency during init, which no caller waits
     * for. Never on demand: its init is the first caller's wait, and a rehearsal beside it competes
     * with that caller for the same CPU (measured: docs/benchmark.md). Elsewhere (tests, the local
     * run) only when asked.
     */
    void start(@Observes StartupEvent startup) {
        switch (System.getenv().getOrDefault("AWS_LAMBDA_INITIALIZATION_TYPE", "")) {
            case "snap-start" -> Core.getGlobalContext().register(this);
            case "provisioned-concurrency" -> primeAndLog(ROUNDS, "during init");
            default -> { }
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeAndLog(ROUNDS, "before the snapshot");
    }

    private void primeAndLog(int rounds, String when) {
        try {
            long started = System.nanoTime();
            Primed primed = prime(rounds);
            primed.answers().stream().filter(answer -> answer.contains("-> failed")).distinct()
                    .forEach(failed -> LOG.warnf("priming step %s; that path stays cold until its first caller", failed));
            LOG.infof("primed function %s %s in %d ms: %d invocations, %d SDK requests answered in process",
                    function, when, (System.nanoTime() - started) / 1_000_000, primed.answers().size(), primed.requests().size());
        } catch (RuntimeException e) {
            // A function that was not primed still answers, only its first caller waits longer.
            LOG.warnf(e, "priming function %s failed; its first invocation will be slower", function);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: priming left no clock reading, connection, credential or data behind.
    }

    /** Runs this function's part of the scenario {@code rounds} times, each on an empty {@link PrimingTable}. */
    Primed prime(int rounds) {
        SdkPriming.buildDefaultCredentialProviders();
        List<String> answers = new ArrayList<>();
        List<SdkPriming.Answered> requests = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            PrimingTable table = new PrimingTable();
            PrimingScenario scenario = new PrimingScenario(auth, today.date().minusDays(5), table);
            requests.addAll(sdk.answeredInProcess(
                    request -> request.operation().startsWith("DynamoDB_") ? table.answer(request) : SesMailer.PRIMING_ANSWER,
                    () -> scenario.stepsOf(function).forEach(step -> answers.add(invoke(step)))));
        }
        return new Primed(answers, requests);
    }

    /** One synthetic invocation through the function's handler; its answer, or why it failed. */
    private String invoke(PrimingScenario.Step step) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handlers.apply(step.function()).handleRequest(
                    new ByteArrayInputStream(step.event().get().getBytes(StandardCharsets.UTF_8)), out, CONTEXT);
            JsonNode answer = Json.tree(out.toByteArray());
            return step.function() + " " + step.name() + " -> " + (answer.has("statusCode") ? answer.path("statusCode") : answer.path("result").asText());
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "priming step %s %s failed", step.function(), step.name());
            return step.function() + " " + step.name() + " -> failed: " + e;
        }
    }

    /** The Lambda context of a synthetic invocation: its request id says it is one. */
    private static final com.amazonaws.services.lambda.runtime.Context CONTEXT = new com.amazonaws.services.lambda.runtime.Context() {
        public String getAwsRequestId() { return PrimingScenario.ID; }
        public String getLogGroupName() { return PrimingScenario.ID; }
        public String getLogStreamName() { return PrimingScenario.ID; }
        public String getFunctionName() { return PrimingScenario.ID; }
        public String getFunctionVersion() { return PrimingScenario.ID; }
        public String getInvokedFunctionArn() { return PrimingScenario.ID; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 60_000; }
        public int getMemoryLimitInMB() { return 0; }
        public LambdaLogger getLogger() { return null; }
    };
}
