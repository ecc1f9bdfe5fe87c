package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.partnerprogram.renewal.usecase.Problem;

/** The one JSON mapper of the edge: bounded input, strict duplicates, no framework magic. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(100).build());
    }

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response views are plain records", e);
        }
    }

    /** Parses a request body; a malformed one is the caller's 400 naming {@code what}. */
    static JsonNode read(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw Problem.invalid(what, "is not valid JSON");
        }
    }
}
