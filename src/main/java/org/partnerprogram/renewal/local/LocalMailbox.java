package org.partnerprogram.renewal.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnerprogram.renewal.lambda.Json;

/**
 * Local run only: what SES would have sent. The local API serves SES v2 {@code SendEmail}
 * ({@code POST /v2/email/outbound-emails}) to the real SES client and keeps each message here;
 * {@code GET /_local/mailbox} lists them newest first and {@code DELETE /_local/mailbox} empties
 * it. Tests can make the next calls fail as SES would (throttling, a permanent rejection).
 */
public final class LocalMailbox {

    static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    static final String MAILBOX_PATH = "/_local/mailbox";

    /** One sent email, as GET /_local/mailbox shows it. */
    public record Message(String messageId, String from, List<String> to, String subject, String text, String html,
            String sentAt) {
    }

    /** An answer SES gives instead of taking the email. */
    public enum Fault {
        THROTTLED(429, "TooManyRequestsException", "Maximum sending rate exceeded."),
        SERVER_ERROR(500, "InternalFailure", "The request processing has failed because of an unknown error."),
        REJECTED(400, "MessageRejected", "Email address is not verified.");

        final int status;
        final String type;
        final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }
    }

    /** An HTTP answer of the capture. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final ConcurrentLinkedDeque<Message> messages = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger sendCalls = new AtomicInteger();
    private final Clock clock;

    LocalMailbox(Clock clock) {
        this.clock = clock;
    }

    /** SendEmail: takes the message (or answers the next planned fault) as SES's JSON API does. */
    Answer sendEmail(byte[] body) {
        sendCalls.incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        Fault fault = faults.pollFirst();
        if (fault != null) {
            return new Answer(fault.status, Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId,
                    "x-amzn-ErrorType", fault.type), Json.write(Map.of("message", fault.message)));
        }
        JsonNode request;
        try {
            request = Json.tree(body);
        } catch (IOException e) {
            return new Answer(400, Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId,
                    "x-amzn-ErrorType", "BadRequestException"), Json.write(Map.of("message", "The body is not JSON.")));
        }
        JsonNode simple = request.path("Content").path("Simple");
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> to.add(address.asText()));
        Message message = new Message(UUID.randomUUID().toString(), request.path("FromEmailAddress").asText(), to,
                simple.path("Subject").path("Data").asText(), simple.path("Body").path("Text").path("Data").asText(),
                simple.path("Body").path("Html").path("Data").asText(), clock.instant().toString());
        messages.addFirst(message);
        return new Answer(200, Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId),
                Json.write(Map.of("MessageId", message.messageId())));
    }

    /** GET /_local/mailbox: {"messages": [...]}, newest first. */
    String list() {
        return Json.write(Map.of("messages", messages()));
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** DELETE /_local/mailbox. */
    public void clear() {
        messages.clear();
    }

    /** The next {@code times} SendEmail calls answer {@code fault}. */
    public void failNext(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            faults.addLast(fault);
        }
    }

    /** SendEmail calls received, failed ones included. */
    public int sendCalls() {
        return sendCalls.get();
    }
}
