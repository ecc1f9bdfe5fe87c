package org.partnerprogram.renewal.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.SdkPriming;

/**
 * CloudWatch metrics in the embedded metric format: one JSON line on stdout per metric, which
 * Lambda's log delivery turns into a metric without a PutMetricData call. Written here (a dozen
 * lines of the documented format) rather than with the EMF library, whose environment detection
 * probes instance metadata outside Lambda.
 */
@ApplicationScoped
public class Metrics {

    private final String namespace;
    private final Clock clock;
    private final Consumer<String> out;

    @Inject
    public Metrics(RenewalConfig config) {
        // Wall-clock timestamps, even when the local run pins the service clock to 2021.
        this(config.metricsNamespace(), Clock.systemUTC(), System.out::println);
    }

    Metrics(String namespace, Clock clock, Consumer<String> out) {
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
    }

    /** One value of one metric, with the service dimension and any others (e.g. Code, Kind). */
    public void put(String name, double value, String unit, Map<String, String> dimensions) {
        if (SdkPriming.priming()) {
            return; // SnapStart priming's synthetic invocations are nobody's work
        }
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, String> allDimensions = new LinkedHashMap<>();
        allDimensions.put("Service", "offer-renewal");
        allDimensions.putAll(dimensions);
        List<String> dimensionNames = new ArrayList<>(allDimensions.keySet());
        document.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", namespace,
                        "Dimensions", List.of(dimensionNames),
                        "Metrics", List.of(Map.of("Name", name, "Unit", unit))))));
        document.putAll(allDimensions);
        document.put(name, value);
        out.accept(Json.write(document));
    }

    public void count(String name, long value, Map<String, String> dimensions) {
        put(name, value, "Count", dimensions);
    }

    public void count(String name, long value) {
        count(name, value, Map.of());
    }
}
