package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

/** What operators read: JSON log lines and embedded-metric-format documents. */
class ObservabilityTest {

    @Test
    void aMetricIsAnEmbeddedMetricFormatDocument() throws Exception {
        List<String> lines = new ArrayList<>();
        Metrics metrics = new Metrics("PartnerRenewals", Clock.fixed(Instant.parse("2021-03-20T10:00:00Z"), ZoneOffset.UTC), lines::add);
        metrics.count("Refusals", 1, Map.of("Code", "payment-mismatch"));
        JsonNode emf = Json.MAPPER.readTree(lines.get(0));
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(emf.path("_aws").path("Timestamp").asLong()).isEqualTo(Instant.parse("2021-03-20T10:00:00Z").toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("PartnerRenewals");
        assertThat(directive.path("Dimensions").get(0).toString()).isEqualTo("[\"Service\",\"Code\"]");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("Refusals");
        assertThat(emf.path("Code").asText()).isEqualTo("payment-mismatch");
        assertThat(emf.path("Refusals").asDouble()).isEqualTo(1.0);
    }

    /**
     * The JSON formatter of quarkus-logging-json, set up as application.properties sets it for
     * Lambda: one line per event, the request's context from the MDC, and an exception's stack
     * trace with its causes.
     */
    @Test
    void aLogLineIsOneJsonObjectWithTheRequestContextAndTheWholeStackTrace() throws Exception {
        Properties settings = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            settings.load(in);
        }
        assertThat(settings.getProperty("quarkus.log.console.json.enabled", "true")).as("JSON in Lambda (the default)").isEqualTo("true");
        assertThat(settings.getProperty("%test.quarkus.log.console.json.enabled")).isEqualTo("false");
        JsonFormatter formatter = new JsonFormatter();
        formatter.setExcludedKeys(Set.of(settings.getProperty("quarkus.log.console.json.excluded-keys").split(",")));
        formatter.setExceptionOutputType(StructuredFormatter.ExceptionOutputType.valueOf(
                settings.getProperty("quarkus.log.console.json.exception-output-type").toUpperCase(Locale.ROOT)));
        MDC.put("partnerId", "contoso");
        MDC.put("decision", "renewed");
        try {
            ExtLogRecord record = new ExtLogRecord(org.jboss.logmanager.Level.WARN, "renewal decision: %s under %s", ExtLogRecord.FormatStyle.PRINTF,
                    "org.partnerprogram.X");
            record.setParameters(new Object[] {"renewed", "mpn-2021"});
            record.setLoggerName("org.partnerprogram.renewal.usecase.RenewOffer");
            record.setThrown(new IllegalStateException("boom", new java.io.IOException("disk full")));
            String line = formatter.format(record);
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode json = Json.MAPPER.readTree(line);
            assertThat(json.path("message").asText()).isEqualTo("renewal decision: renewed under mpn-2021");
            assertThat(json.path("level").asText()).isEqualTo("WARN");
            assertThat(json.path("loggerName").asText()).isEqualTo("org.partnerprogram.renewal.usecase.RenewOffer");
            assertThat(json.path("mdc").path("partnerId").asText()).isEqualTo("contoso");
            assertThat(json.path("mdc").path("decision").asText()).isEqualTo("renewed");
            assertThat(json.path("stackTrace").asText()).contains("java.lang.IllegalStateException: boom",
                    "\tat org.partnerprogram.renewal.lambda.ObservabilityTest", "Caused by: java.io.IOException: disk full");
            assertThat(json.has("hostName")).as("excluded keys").isFalse();
        } finally {
            MDC.clear();
        }
    }
}
