package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
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

    @Test
    void aLogLineIsOneJsonObjectWithTheRequestContextAndNoStackTrace() throws Exception {
        MDC.put("partnerId", "contoso");
        MDC.put("decision", "renewed");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "renewal decision: %s under %s", ExtLogRecord.FormatStyle.PRINTF,
                    "org.partnerprogram.X");
            record.setParameters(new Object[] {"renewed", "mpn-2021"});
            record.setLoggerName("org.partnerprogram.renewal.usecase.RenewOffer");
            record.setThrown(new IllegalStateException("boom"));
            String line = new JsonLogs.LineFormatter().format(record);
            assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\tat ");
            JsonNode json = Json.MAPPER.readTree(line);
            assertThat(json.path("message").asText()).isEqualTo("renewal decision: renewed under mpn-2021");
            assertThat(json.path("level").asText()).isEqualTo("INFO");
            assertThat(json.path("partnerId").asText()).isEqualTo("contoso");
            assertThat(json.path("decision").asText()).isEqualTo("renewed");
            assertThat(json.path("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        } finally {
            MDC.clear();
        }
    }
}
