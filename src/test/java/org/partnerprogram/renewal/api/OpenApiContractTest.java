package org.partnerprogram.renewal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.lambda.Route;

/**
 * openapi.yaml cannot drift from the code: real responses of every route, for every status we can
 * provoke, are validated against the document's schema for that operation and status with a JSON
 * Schema 2020-12 validator (networknt), which is what OpenAPI 3.1 schemas are.
 */
@QuarkusTest
class OpenApiContractTest extends ApiTestSupport {

    static final String DOCUMENT = "https://contract.test/openapi.json";
    static JsonNode openApi;
    static SchemaRegistry registry;
    static final Set<String> VALIDATED = new TreeSet<>();

    @BeforeAll
    static void read() throws IOException {
        openApi = new YAMLMapper().readTree(new File("openapi.yaml"));
        String json = new ObjectMapper().writeValueAsString(openApi);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT, json)));
    }

    @AfterAll
    static void report() {
        System.out.println("OpenApiContractTest: validated " + VALIDATED.size() + " operation/status pairs: " + VALIDATED);
    }

    /** Checks a real response against the operation's documented response for its status. */
    static void conforms(String method, String path, Response response) {
        JsonNode operation = openApi.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, path).isFalse();
        String status = Integer.toString(response.statusCode());
        JsonNode documented = resolve(operation.path("responses").path(status));
        assertThat(documented.isMissingNode()).as("%s %s documents status %s", method, path, status).isFalse();
        String contentType = response.getContentType().split(";")[0].strip();
        JsonNode schemaRef = documented.path("content").path(contentType).path("schema").path("$ref");
        assertThat(schemaRef.isTextual()).as("%s %s %s documents %s", method, path, status, contentType).isTrue();
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + schemaRef.asText()));
        List<Error> errors = schema.validate(response.asString(), InputFormat.JSON);
        assertThat(errors).as("%s %s %s: %s", method, path, status, response.asString()).isEmpty();
        if (response.getHeader("Idempotent-Replayed") != null) {
            assertThat(documented.path("headers").has("Idempotent-Replayed")).as("replay header documented for %s", status).isTrue();
        }
        VALIDATED.add(method + " " + path + " " + status);
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? openApi.at(ref.asText().substring(1)) : node;
    }

    @Test
    void theDocumentHasExactlyTheRoutesOfTheCode() {
        Set<String> documented = new HashSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(documented).isEqualTo(Arrays.stream(Route.values()).filter(Route::isApi).map(Route::routeKey)
                .collect(Collectors.toSet()));
    }

    @Test
    void theLocalRunServesTheDocument() {
        api().get("/openapi.yaml").then().statusCode(200).contentType("application/yaml")
                .body(org.hamcrest.Matchers.startsWith("openapi: 3.1.0"));
    }

    @Test
    void everyRouteAnswersAsDocumented() {
        String partner = newPartner("contract");
        String other = newPartner("contract-other");
        today("2021-03-20T10:00:00Z");
        String offers = "/partners/{partnerId}/offers";
        String offer = "/partners/{partnerId}/offers/{offerId}";
        String renewals = "/partners/{partnerId}/offers/{offerId}/renewals";
        String partnerPath = "/partners/{partnerId}";

        conforms("PUT", partnerPath, as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Contract\",\"migratedToPartnerCenter\":false}").put("/partners/{p}", partner));
        conforms("PUT", partnerPath, as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Contract\",\"migratedToPartnerCenter\":false,\"language\":\"zh-CN\","
                        + "\"contacts\":[{\"email\":\"a@contract.example\",\"name\":\"A\"},{\"email\":\"b@contract.example\"}]}")
                .put("/partners/{p}", partner));
        conforms("PUT", partnerPath, as(Tokens.operator()).contentType(ContentType.JSON).body("{\"name\":1}").put("/partners/{p}", partner));
        conforms("PUT", partnerPath, as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"migratedToPartnerCenter\":true}").put("/partners/{p}", partner));
        conforms("PUT", partnerPath, api().contentType(ContentType.JSON).body("{}").put("/partners/{p}", partner));
        conforms("PUT", partnerPath, as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "n".repeat(17_000) + "\",\"migratedToPartnerCenter\":true}").put("/partners/{p}", partner));

        conforms("PUT", offer, as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", false, "4730.00")).put("/partners/{p}/offers/{o}", partner, "exempt"));
        conforms("PUT", offer, as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Modern Work", "2021-03-18", true, "1670.00")).put("/partners/{p}/offers/{o}", partner, "met"));
        conforms("PUT", offer, as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("ADVANCED_SPECIALIZATION", "Kubernetes", "2021-03-01", false, "0.00")).put("/partners/{p}/offers/{o}", partner, "free"));
        conforms("PUT", offer, as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Security", "2021-03-10", true, "1670.00")).put("/partners/{p}/offers/{o}", partner, "unpaid"));
        conforms("PUT", offer, as(Tokens.operator()).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2021-02-30", true, "1.00")).put("/partners/{p}/offers/{o}", partner, "bad"));
        conforms("PUT", offer, as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON)
                .body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", true, "1.00")).put("/partners/{p}/offers/{o}", partner, "x"));

        conforms("GET", offers, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers", partner));
        conforms("GET", offers, as(Tokens.partnerAdmin(partner)).queryParam("asOf", "2021-13-01").get("/partners/{p}/offers", partner));
        conforms("GET", offers, api().get("/partners/{p}/offers", partner));
        conforms("GET", offers, as(Tokens.operator()).get("/partners/{p}/offers", partner));
        conforms("GET", offers, as(Tokens.partnerAdmin(other)).get("/partners/{p}/offers", partner));
        conforms("GET", offer, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "exempt"));
        conforms("GET", offer, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "missing"));

        String paid = "{\"payment\":{\"reference\":\"PAY-1\",\"amount\":\"1670\",\"currency\":\"USD\"}}";
        conforms("POST", renewals, renew(partner, "met", "k-201", paid));
        Response replayed = renew(partner, "met", "k-201", paid);
        assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
        conforms("POST", renewals, replayed);
        conforms("POST", renewals, renew(partner, "met", "k-201", payment("1670.00", "USD")));
        conforms("POST", renewals, renew(partner, "met", "k-again", paid));
        conforms("POST", renewals, renew(partner, "exempt", "k-409", payment("4730.00", "USD")));
        conforms("POST", renewals, renew(partner, "unpaid", "k-402", "{}"));
        conforms("POST", renewals, renew(partner, "free", "k-free", "{}"));
        conforms("POST", renewals, renew(partner, "exempt", "k-400", "{\"payment\":{\"amount\":\"1\"}}"));
        conforms("POST", renewals, renewing(partner, "k-413").body("{\"payment\":{\"reference\":\"" + "r".repeat(17_000) + "\"}}")
                .post("/partners/{p}/offers/{o}/renewals", partner, "exempt"));
        conforms("POST", renewals, as(Tokens.partnerAdmin(partner)).contentType(ContentType.JSON).body("{}")
                .post("/partners/{p}/offers/{o}/renewals", partner, "exempt"));
        conforms("POST", renewals, renew(partner, "missing", "k-404", "{}"));

        conforms("GET", renewals, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "met"));
        conforms("GET", renewals, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "missing"));

        String notifications = "/partners/{partnerId}/notifications";
        conforms("GET", notifications, as(Tokens.partnerAdmin(partner)).get("/partners/{p}/notifications", partner));
        conforms("GET", notifications, as(Tokens.operator()).get("/partners/{p}/notifications", partner));
        conforms("GET", notifications, as(Tokens.partnerAdmin(other)).get("/partners/{p}/notifications", partner));
        conforms("GET", notifications, api().get("/partners/{p}/notifications", partner));

        conforms("GET", partnerPath, as(Tokens.operator()).get("/partners/{p}", partner));
        conforms("GET", partnerPath, as(Tokens.partnerAdmin(other)).get("/partners/{p}", partner));
        conforms("GET", "/due", as(Tokens.operator()).queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .queryParam("limit", 1).get("/due"));
        conforms("GET", "/due", as(Tokens.operator()).queryParam("from", "2021-03-01").queryParam("to", "2021-05-01").get("/due"));
        conforms("GET", "/due", as(Tokens.partnerAdmin(partner)).queryParam("from", "2021-03-01").queryParam("to", "2021-03-31").get("/due"));

        assertThat(VALIDATED).contains("GET /partners/{partnerId} 200", "GET /due 200", "GET /due 400", "POST /partners/{partnerId}/offers/{offerId}/renewals 201",
                "POST /partners/{partnerId}/offers/{offerId}/renewals 402", "POST /partners/{partnerId}/offers/{offerId}/renewals 409",
                "POST /partners/{partnerId}/offers/{offerId}/renewals 422", "POST /partners/{partnerId}/offers/{offerId}/renewals 413",
                "PUT /partners/{partnerId} 200", "PUT /partners/{partnerId}/offers/{offerId} 403", "GET /partners/{partnerId}/offers 401");
    }

    /** API Gateway's own answers (`{"message": ...}`) are documented on every operation. */
    @Test
    void apiGatewaysOwnAnswersAreDocumentedOnEveryOperation() {
        Map<String, String> gateway = Map.of("401", "Unauthorized", "429", "Too Many Requests", "500", "Internal Server Error",
                "503", "Service Unavailable");
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getKey().equals("parameters")) {
                return;
            }
            gateway.forEach((status, message) -> {
                JsonNode json = resolve(operation.getValue().path("responses").path(status)).path("content").path("application/json");
                assertThat(json.path("schema").path("$ref").asText()).as("%s %s %s", operation.getKey(), path.getKey(), status)
                        .isEqualTo("#/components/schemas/GatewayMessage");
                assertThat(json.path("example").path("message").asText()).isEqualTo(message);
            });
        }));
    }

    /** What the local run answers for a request that matches no route is what API Gateway answers. */
    @Test
    void aRequestMatchingNoRouteGetsApiGatewaysNotFound() {
        Response response = as(Tokens.operator()).get("/partners/{p}/nothing-here", "p");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/json");
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/GatewayMessage"));
        assertThat(schema.validate(response.asString(), InputFormat.JSON)).isEmpty();
        assertThat(response.jsonPath().getString("message")).isEqualTo("Not Found");
    }

    /** Payload 2.0 joins a repeated query parameter with commas; "2021-03-20,2021-03-21" is no date. */
    @Test
    void aRepeatedQueryParameterArrivesJoinedWithCommasAsApiGatewaySendsIt() {
        String partner = newPartner("repeat");
        enrolPartner(partner, true);
        Response response = as(Tokens.partnerAdmin(partner)).urlEncodingEnabled(false)
                .get("/partners/" + partner + "/offers?asOf=2021-03-20&asOf=2021-03-21");
        response.then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid-request"))
                .body("detail", org.hamcrest.Matchers.startsWith("asOf:"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers?asOf=2021-03-20", partner).then().statusCode(200)
                .body("asOf", org.hamcrest.Matchers.equalTo("2021-03-20"));
    }
}
