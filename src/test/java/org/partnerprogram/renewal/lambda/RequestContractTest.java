package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * The other half of the contract: a request body the service accepts is one the document's
 * request schema accepts, and the other way round. The same bodies go through {@link Requests}
 * (what the handlers call) and through the schema (JSON Schema 2020-12, formats asserted); any
 * disagreement is listed.
 */
class RequestContractTest {

    static final String DOCUMENT = "https://contract.test/openapi.json";
    static SchemaRegistry registry;

    static final String FEE = "\"renewalFee\":{\"amount\":\"4730.00\",\"currency\":\"USD\"}";
    static final String OFFER = "\"type\":\"COMPETENCY\",\"name\":\"Gold Cloud Platform\",\"area\":\"Cloud Platform\","
            + "\"anniversaryDate\":\"2021-03-15\",\"requirementsMet\":true";

    @BeforeAll
    static void read() throws IOException {
        String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(new File("openapi.yaml")));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT, json)));
    }

    static boolean schemaAccepts(String schemaName, String body) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + schemaName));
        return schema.validate(body, InputFormat.JSON,
                (context, schemaContext) -> context.executionConfig(config -> config.formatAssertionsEnabled(true))).isEmpty();
    }

    static boolean serviceAccepts(Consumer<String> parse, String body) {
        try {
            parse.accept(body);
            return true;
        } catch (Problem problem) {
            return false;
        }
    }

    static ApiRequest post(String body) {
        return new ApiRequest("POST /partners/{partnerId}/offers/{offerId}/renewals", Map.of(), Map.of(),
                Map.of("content-type", "application/json"), body, false, "r", Map.of());
    }

    static List<String> disagreements(String schemaName, Consumer<String> parse, String... bodies) {
        List<String> found = new ArrayList<>();
        for (String body : bodies) {
            boolean service = serviceAccepts(parse, body);
            if (service != schemaAccepts(schemaName, body)) {
                found.add(schemaName + " " + body + ": the service " + (service ? "accepts" : "refuses") + ", the schema does not");
            }
        }
        return found;
    }

    static com.fasterxml.jackson.databind.JsonNode tree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void theRenewBodiesTheServiceAcceptsAreThoseTheSchemaAccepts() {
        assertThat(disagreements("RenewRequest", body -> Requests.payment(post(body)),
                "{}",
                "{\"payment\":null}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"4730.00\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"4730\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"0.000001\",\"currency\":\"EUR\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":4730,\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"-1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"1e3\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"12.\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"1.1234567\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"1\",\"currency\":\"usd\"}}",
                "{\"payment\":{\"reference\":\"pay-1\",\"amount\":\"1\",\"currency\":\"US\"}}",
                "{\"payment\":{\"reference\":\"\",\"amount\":\"1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"   \",\"amount\":\"1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"" + "r".repeat(256) + "\",\"amount\":\"1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"" + "r".repeat(257) + "\",\"amount\":\"1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"amount\":\"1\",\"currency\":\"USD\"}}",
                "{\"payment\":{\"reference\":\"r\",\"amount\":\"1\",\"currency\":\"USD\",\"fee\":1}}",
                "{\"payment\":\"4730\"}",
                "{\"unknown\":true}",
                "[1,2]")).isEmpty();
    }

    @Test
    void theOfferBodiesTheServiceAcceptsAreThoseTheSchemaAccepts() {
        assertThat(disagreements("OfferUpdate", body -> Requests.offer(tree(body), "p", "o"),
                "{" + OFFER + "," + FEE + "}",
                "{" + OFFER.replace("COMPETENCY", "ADVANCED_SPECIALIZATION") + "," + FEE + "}",
                "{" + OFFER.replace("COMPETENCY", "LICENSING") + "," + FEE + "}",
                "{" + OFFER.replace("2021-03-15", "2021-02-30") + "," + FEE + "}",
                "{" + OFFER.replace("2021-03-15", "2021-13-01") + "," + FEE + "}",
                "{" + OFFER.replace("2021-03-15", "21-03-15") + "," + FEE + "}",
                "{" + OFFER.replace("2021-03-15", "2024-02-29") + "," + FEE + "}",
                "{" + OFFER.replace("true", "\"yes\"") + "," + FEE + "}",
                "{" + OFFER.replace("Gold Cloud Platform", "") + "," + FEE + "}",
                "{" + OFFER.replace("Gold Cloud Platform", "  ") + "," + FEE + "}",
                "{" + OFFER.replace("\"Cloud Platform\"", "null") + "," + FEE + "}",
                "{" + OFFER.replace("Gold Cloud Platform", "n".repeat(257)) + "," + FEE + "}",
                "{" + OFFER + "," + FEE.replace("\"4730.00\"", "4730.00") + "}",
                "{" + OFFER + "," + FEE.replace("USD", "EURO") + "}",
                "{" + OFFER + "," + FEE.replace("}", ",\"tax\":\"1\"}") + "}",
                "{" + OFFER + ",\"renewalFee\":null}",
                "{" + OFFER + "}",
                "{" + OFFER + "," + FEE + ",\"status\":\"ACTIVE\"}")).isEmpty();
    }

    @Test
    void thePartnerBodiesTheServiceAcceptsAreThoseTheSchemaAccepts() {
        assertThat(disagreements("PartnerUpdate", body -> Requests.partner(tree(body), "p"),
                "{\"name\":\"Contoso\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"Contoso\",\"migratedToPartnerCenter\":\"true\"}",
                "{\"name\":1,\"migratedToPartnerCenter\":true}",
                "{\"name\":\" \",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"\\u00a0\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"\\ufeff\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"\\u00a0C\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"" + "\\ud83d\\ude00".repeat(256) + "\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"" + "\\ud83d\\ude00".repeat(257) + "\",\"migratedToPartnerCenter\":true}",
                "{\"name\":\"Contoso\",\"migratedToPartnerCenter\":true,\"contacts\":[{\"email\":\"a@b.co\",\"name\":\" \"}]}",
                "{\"name\":\"Contoso\"}",
                "{\"migratedToPartnerCenter\":false}",
                "{\"name\":\"Contoso\",\"migratedToPartnerCenter\":true,\"vip\":true}")).isEmpty();
    }
}
