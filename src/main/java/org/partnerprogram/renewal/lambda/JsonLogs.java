package org.partnerprogram.renewal.lambda;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.partnerprogram.renewal.RenewalConfig;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

/**
 * One JSON line per log event in Lambda, so CloudWatch Logs Insights can query by field: time,
 * level, logger, message, the request's context (Lambda and API request ids, route, partner,
 * offer, decision, policy: see HttpApi and RenewOffer) and an exception's type and message.
 * (The quarkus-logging-json deployment artifact does not resolve here, so the formatter is ours.)
 */
@ApplicationScoped
public class JsonLogs {

    void install(@Observes @Priority(1) StartupEvent startup, RenewalConfig config) {
        if (config.logJson()) {
            useJson(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }

    /** Quarkus wraps its console handler: set the formatter on every handler, nested ones too. */
    private static void useJson(Handler[] handlers) {
        for (Handler handler : handlers) {
            handler.setFormatter(new LineFormatter());
            if (handler instanceof ExtHandler parent) {
                useJson(parent.getHandlers());
            }
        }
    }

    /** Formats one record as one line of JSON. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
            line.put("level", record.getLevel().getName());
            line.put("logger", record.getLoggerName());
            line.put("message", record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatMessage(record));
            if (record instanceof ExtLogRecord ext && !ext.getMdcCopy().isEmpty()) {
                line.putAll(new java.util.TreeMap<>(ext.getMdcCopy()));
            }
            if (record.getThrown() != null) {
                line.put("error", record.getThrown().getClass().getName() + ": " + record.getThrown().getMessage());
            }
            return Json.write(line) + System.lineSeparator();
        }
    }
}
