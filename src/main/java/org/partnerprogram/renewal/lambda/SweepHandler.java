package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.usecase.SweepDueWork;

/**
 * EventBridge Scheduled Event: sweeps the day of the event's {@code time} (D6), never the wall
 * clock, so a late or repeated delivery sweeps the day it was meant for.
 */
@Named(SweepHandler.NAME)
public class SweepHandler implements RequestStreamHandler {

    static final String NAME = "sweep";
    /** Stop taking new pages when less than this is left of the invocation. */
    private static final long RESERVE_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(SweepHandler.class);

    private final SweepDueWork sweep;
    private final RenewalRules rules;
    private final Metrics metrics;

    public SweepHandler(SweepDueWork sweep, RenewalRules rules, Metrics metrics) {
        this.sweep = sweep;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        LocalDate day = rules.policies().today(eventTime(in.readAllBytes()));
        long started = System.nanoTime();
        SweepDueWork.Report report = sweep.sweep(day,
                () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
        record(report, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("sweep %s: %d due read, %d reminders recorded, %d lapsed, %d failures, complete=%s", report.date(),
                report.itemsRead(), report.remindersRecorded(), report.lapsed(), report.failures().size(), report.complete());
        if (!report.failures().isEmpty()) {
            // Partial failures fail the invocation: EventBridge retries it and the error is visible.
            throw new SweepIncompleteException(report.failures().size() + " offers could not be swept: " + report.failures());
        }
        if (!report.complete()) {
            // Out of time with work left: the retry (or the next schedule) carries on where this stopped.
            throw new SweepIncompleteException("stopped near the time limit after " + report.itemsRead() + " due offers; work is left");
        }
        out.write(Json.write(Views.sweep(report)).getBytes(StandardCharsets.UTF_8));
    }

    /** The sweep left offers it could not finish; the next invocation takes them up. */
    static final class SweepIncompleteException extends RuntimeException {
        SweepIncompleteException(String message) {
            super(message);
        }
    }

    private void record(SweepDueWork.Report report, long millis) {
        metrics.count("SweepItems", report.itemsRead());
        metrics.put("SweepDuration", millis, "Milliseconds", Map.of());
        report.remindersByKind().forEach((kind, n) -> metrics.count("RemindersRecorded", n, Map.of("Kind", kind.name())));
        metrics.count("Lapses", report.lapsed());
        metrics.count("SweepFailures", report.failures().size());
    }

    /** The event's {@code time}; an event without one is refused rather than swept for a guessed day. */
    static Instant eventTime(byte[] event) {
        try {
            JsonNode time = Json.MAPPER.readTree(event).path("time");
            if (!time.isTextual()) {
                throw new IllegalArgumentException("the Scheduled Event has no \"time\"");
            }
            return Instant.parse(time.asText());
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a Scheduled Event with an ISO-8601 \"time\": " + e.getMessage());
        }
    }
}
