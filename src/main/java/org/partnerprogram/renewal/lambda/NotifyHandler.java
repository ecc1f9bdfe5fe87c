package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.partnerprogram.renewal.usecase.NotifyPartner;

/**
 * The reminders bus's rule invokes this with one event: a table stream record the pipe passed on
 * as the event's {@code detail}. A transient failure (SES throttling or 5xx, the same event being
 * sent by another delivery) fails the invocation so Lambda retries it, then dead-letters it; a
 * malformed event fails the same way and ends in the dead-letter queue. Each event is its own
 * invocation, so one bad event never holds up another.
 */
@Named(NotifyHandler.NAME)
public class NotifyHandler implements RequestStreamHandler {

    static final String NAME = "notify";
    private static final Logger LOG = Logger.getLogger(NotifyHandler.class);

    private final NotifyPartner notify;
    private final Metrics metrics;

    public NotifyHandler(NotifyPartner notify, Metrics metrics) {
        this.notify = notify;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        MDC.clear();
        if (context != null) {
            MDC.put("lambdaRequestId", context.getAwsRequestId());
        }
        Map<String, String> image = newImage(in.readAllBytes());
        MDC.put("partnerId", String.valueOf(image.get("partnerId")));
        MDC.put("offerId", String.valueOf(image.get("offerId")));
        NotifyPartner.Result result = notify.deliver(image);
        metrics.count("Notifications", 1, Map.of("Result", result.name()));
        LOG.infof("notification: %s", result);
        MDC.clear();
        out.write(Json.write(Map.of("result", result.name())).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The string attributes of {@code detail.dynamodb.NewImage} (DynamoDB JSON, {"S": ...}): all the
     * outbox rows carry. An event without one is not something a retry can fix, but it must not
     * vanish either: it fails, and after the retries it waits in the dead-letter queue.
     */
    static Map<String, String> newImage(byte[] event) {
        JsonNode image;
        try {
            image = Json.tree(event).path("detail").path("dynamodb").path("NewImage");
        } catch (IOException e) {
            throw new IllegalArgumentException("not an EventBridge event: " + e.getMessage());
        }
        if (!image.isObject()) {
            throw new IllegalArgumentException("the event has no detail.dynamodb.NewImage");
        }
        Map<String, String> strings = new HashMap<>();
        image.fields().forEachRemaining(field -> {
            JsonNode s = field.getValue().path("S");
            if (s.isTextual()) {
                strings.put(field.getKey(), s.asText());
            }
        });
        return strings;
    }
}
