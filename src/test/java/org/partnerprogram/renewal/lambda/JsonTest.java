package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Json.tree reads what Jackson's own readTree reads, and refuses what the edge must not guess at. */
class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JsonNode tree(String json) throws IOException {
        return Json.tree(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void aDocumentReadsAsTheSameTreeAsJacksonsReadTree(@ForAll("documents") JsonNode document) throws IOException {
        byte[] json = JACKSON.writeValueAsBytes(document);
        assertThat(Json.tree(json)).isEqualTo(JACKSON.readTree(json)).isEqualTo(document);
    }

    @Test
    void numbersKeepTheirKindAsJacksonReadsThem() throws IOException {
        JsonNode numbers = tree("[7, 9000000000, 123456789012345678901234567890, 1.5, -0.0, 1e3]");
        assertThat(numbers).isEqualTo(JACKSON.readTree("[7, 9000000000, 123456789012345678901234567890, 1.5, -0.0, 1e3]"));
        assertThat(numbers.get(0).isInt()).isTrue();
        assertThat(numbers.get(1).isLong()).isTrue();
        assertThat(numbers.get(2).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(numbers.get(3).isDouble()).isTrue();
    }

    @Test
    void aKeyRepeatedAnywhereInTheDocumentIsRefused() {
        // A claim given twice must not be read as either of its values.
        assertThatThrownBy(() -> tree("{\"claims\":{\"partner_id\":\"p-1\",\"partner_id\":\"p-2\"}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("duplicate field partner_id");
        assertThatThrownBy(() -> tree("{\"a\":1,\"a\":1}")).isInstanceOf(IOException.class);
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        for (String trailing : List.of("{} {}", "{}x", "[1]]", "\"a\" \"b\"")) {
            assertThatThrownBy(() -> tree(trailing)).as(trailing).isInstanceOf(IOException.class);
        }
    }

    @Test
    void malformedDocumentsAreRefused() {
        for (String malformed : List.of("{", "{\"a\"}", "[1,]", "{'a':1}", "nul", "\u0000\u00ff")) {
            assertThatThrownBy(() -> tree(malformed)).as(malformed).isInstanceOf(IOException.class);
        }
    }

    @Test
    void noContentIsTheMissingNode() throws IOException {
        assertThat(tree("").isMissingNode()).isTrue();
        assertThat(tree("  \n").isMissingNode()).isTrue();
    }

    @Test
    void nestingDeeperThanSixtyFourIsRefused() throws IOException {
        assertThat(tree("[".repeat(64) + "]".repeat(64)).isArray()).isTrue();
        assertThatThrownBy(() -> tree("[".repeat(65) + "]".repeat(65))).isInstanceOf(IOException.class);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return Arbitraries.integers().between(0, 4).flatMap(depth -> Arbitraries.recursive(JsonTest::values, JsonTest::containers, depth));
    }

    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.integers().map(n -> NODES.numberNode(n.intValue())),
                Arbitraries.longs().filter(n -> n != n.intValue()).map(n -> NODES.numberNode(n.longValue())),
                Arbitraries.doubles().map(n -> NODES.numberNode(n.doubleValue())),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    /** Objects and arrays of the level below, mixed with plain values. */
    private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> below) {
        Arbitrary<JsonNode> member = Arbitraries.oneOf(below, values());
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), member).ofMaxSize(4).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        Arbitrary<JsonNode> arrays = member.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        return Arbitraries.oneOf(objects, arrays);
    }
}
