package org.partnerprogram.renewal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;

/**
 * What the sweep takes from its invocation: the Scheduled Event's {@code time}, which decides the
 * day swept (D6), and how long it may go on asking for pages of due work.
 */
final class SweepInvocation {

    /** Stop taking new pages when less than this is left of the invocation. */
    private static final long RESERVE_MILLIS = 30_000;

    private SweepInvocation() {
    }

    /** The event's {@code time}; an event without one is refused rather than swept for a guessed day. */
    static Instant eventTime(byte[] event) {
        try {
            JsonNode time = Json.tree(event).path("time");
            if (!time.isTextual()) {
                throw new IllegalArgumentException("the Scheduled Event has no \"time\"");
            }
            return Instant.parse(time.asText());
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a Scheduled Event with an ISO-8601 \"time\": " + e.getMessage());
        }
    }

    /** Whether to take another page: enough of the invocation is left (without a context, locally: always). */
    static BooleanSupplier timeLeft(Context context) {
        return () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS;
    }
}
