package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.partnerprogram.renewal.usecase.Problem;

/** The one JSON mapper of the edge: bounded input, strict duplicates, no framework magic. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // No limit on a string's length: the whole event is in memory already (Lambda takes at most 6 MB),
    // and the body it carries is measured against 16 KiB (413) once the caller is let in (ApiRequest).
    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(Integer.MAX_VALUE).maxNumberLength(100).build());
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

    /** What {@link #object} writes: fields, with the generator of one JSON object. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * One JSON object written field by field with the streaming generator: for the documents every
     * API invocation writes (the API Gateway response, problem+json), which then need no serializers
     * built by reflection, so a cold function does not build them before its first answer.
     */
    static String object(Fields fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return text.toString();
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
