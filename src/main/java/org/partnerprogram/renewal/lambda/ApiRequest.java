package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event the handlers use. Header names
 * are lower case, as API Gateway delivers them; {@code claims} holds the JWT authorizer's claims.
 * {@code rawBody} is the event's body as API Gateway sent it: read it through {@link #body()}.
 */
public record ApiRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String rawBody,
        boolean base64Encoded,
        String requestId,
        Map<String, JsonNode> claims) {

    /** Section 3: bodies over 16 KiB are refused with 413. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The body as text, or null. Decoded and measured only here, when a handler reads it, which is
     * after the caller was let in: a stranger's oversized or garbled body is a 401 or 403 first (D14).
     */
    public String body() {
        if (rawBody == null) {
            return null;
        }
        byte[] bytes = rawBody.getBytes(StandardCharsets.UTF_8);
        if (base64Encoded) {
            try {
                bytes = Base64.getDecoder().decode(rawBody);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("body", "is not valid base64");
            }
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw Problem.of(Problem.Kind.PAYLOAD_TOO_LARGE,
                    "The body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted.");
        }
        try {
            // Strict: a malformed byte would otherwise be stored as U+FFFD, silently.
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.invalid("body", "is not UTF-8 text");
        }
    }
}
