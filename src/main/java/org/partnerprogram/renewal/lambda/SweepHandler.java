package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
        LocalDate day = rules.policies().today(SweepInvocation.eventTime(in.readAllBytes()));
        long started = System.nanoTime();
        SweepDueWork.Report report = sweep.sweep(day, SweepInvocation.timeLeft(context));
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
}
