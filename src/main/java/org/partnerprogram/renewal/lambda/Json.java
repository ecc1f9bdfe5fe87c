package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * The one JSON mapper of the edge: bounded input, strict duplicates, no framework magic. Every
 * JSON document the edge and the local run read goes through {@link #tree}.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
            return tree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Problem.invalid(what, "is not valid JSON");
        }
    }

    /**
     * One JSON document as a tree, strictly: a key repeated in an object, or anything after the
     * document, is an error; no content is the missing node. Built from the streaming parser rather
     * than with {@code ObjectMapper.readTree}, whose deserializer lookup and tree deserializer a cold
     * function would build before reading its first event: about 8 ms of every on-demand start
     * (docs/benchmark.md). The factory's limits (nesting, number length) apply as they did.
     */
    public static JsonNode tree(byte[] json) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode tree = node(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the document");
            }
            return tree;
        }
    }

    /** The value at the parser's current token, which it leaves at the value's last token. */
    private static JsonNode node(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    if (object.replace(name, node(parser)) != null) {
                        throw new JsonParseException(parser, "duplicate field " + name);
                    }
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }
}
