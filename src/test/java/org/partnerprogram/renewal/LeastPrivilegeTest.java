package org.partnerprogram.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.ApiTestSupport;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.reliability.FaultInjector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * template.yaml grants each function what its handler asks of the table, and no more. DynamoDB
 * Local enforces no IAM, so a missing grant would first show in AWS (AccessDenied): here every
 * function's paths run once, IamActions records the actions each handler's requests need, and they
 * are held against the function's policy.
 */
@QuarkusTest
@TestProfile(LeastPrivilegeTest.OwnTable.class)
class LeastPrivilegeTest extends ApiTestSupport {

    /** A table of its own, so that the sweep's transaction held below is the one of the offer raced. */
    public static class OwnTable implements QuarkusTestProfile {
    }

    @Inject
    DynamoDbClient dynamo;
    @Inject
    RenewalConfig config;

    @BeforeAll
    static void readTemplate() throws IOException {
        TemplateTest.read();
    }

    @Test
    void everyFunctionIsGrantedExactlyWhatItsHandlerAsksOfTheTable() throws Exception {
        IamActions.reset();
        everyPathOnce();
        Map<String, Set<String>> used = IamActions.byHandler();
        assertThat(used).containsKeys("check", "renew", "enrol", "sweep", "notify");
        Map<String, Set<String>> granted = new TreeMap<>();
        Map<String, Set<String>> needed = new TreeMap<>();
        TemplateTest.ofType("AWS::Serverless::Function").forEach((name, function) -> {
            granted.put(name, grants(function));
            needed.put(name, new TreeSet<>(used.getOrDefault(TemplateTest.handlerOf(function), Set.of())));
        });
        assertThat(granted).as("each function's grants on the table").isEqualTo(needed);
    }

    /**
     * Enrol, read, sweep (reminders, an offer changed while it is swept, a lost copy taken as
     * recorded, a lapse), renew (201, replay, 409, 402), notify.
     */
    void everyPathOnce() throws Exception {
        sweepRacedByAnOperator();
        String partner = newPartner("iam");
        as(Tokens.operator()).contentType(ContentType.JSON).body("{\"name\":\"IAM Ltd\",\"migratedToPartnerCenter\":true,"
                + "\"contacts\":[{\"email\":\"ana@" + partner + ".example\"}]}").put("/partners/{p}", partner).then().statusCode(200);
        enrolCompetency(partner, "renewed", "2021-03-15", true);
        enrolCompetency(partner, "lapses", "2021-03-15", true);
        enrolCompetency(partner, "lapses", "2021-03-16", true); // an AD moved: what was recorded for it is read
        today("2021-02-28T00:15:03Z"); // notify delivers on the day the sweep records, as in the service
        sweep("2021-02-28T00:15:00Z");
        assertThat(awaitNotifications(partner, 1)).isGreaterThanOrEqualTo(1);
        // The offer's copy of its reminder lost (SweepTest): the next sweep reads the records and plans again.
        dynamo.updateItem(b -> b.tableName(config.tableName()).key(Map.of(
                        "PK", AttributeValue.fromS("PARTNER#" + partner), "SK", AttributeValue.fromS("OFFER#renewed")))
                .updateExpression("SET remindersSent = :none, dueAt = :due")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromM(Map.of()), ":due", AttributeValue.fromS("2021-02-28"))));
        today("2021-03-01T00:15:03Z");
        sweep("2021-03-01T00:15:00Z");
        assertThat(awaitNotifications(partner, 2)).isGreaterThanOrEqualTo(2);
        today("2021-03-20T10:00:00Z");
        String paid = payment("4730.00", "USD");
        renew(partner, "renewed", "k-1", paid).then().statusCode(201);
        renew(partner, "renewed", "k-1", paid).then().statusCode(201).header("Idempotent-Replayed", "true");
        renew(partner, "lapses", "k-2", payment("1.00", "USD")).then().statusCode(409);
        renew(partner, "lapses", "k-3", "{}").then().statusCode(402);
        for (String path : new String[] {"/partners/{p}", "/partners/{p}/offers", "/partners/{p}/offers/renewed",
                "/partners/{p}/offers/renewed/renewals", "/partners/{p}/notifications"}) {
            as(Tokens.operator()).get(path, partner).then().statusCode(200);
        }
        as(Tokens.operator()).queryParam("from", "2021-04-01").queryParam("to", "2021-04-30").get("/due").then().statusCode(200);
        today("2021-04-20T00:15:03Z");
        sweep("2021-04-20T00:15:00Z");
        assertThat(awaitNotifications(partner, 4)).as("2 reminders, the receipt, the lapse").isGreaterThanOrEqualTo(4);
    }

    /** The sweep's transaction held until an operator has changed the offer: the sweep reads it again. */
    void sweepRacedByAnOperator() throws Exception {
        String partner = newPartner("raced");
        enrolPartner(partner, true);
        enrolCompetency(partner, "raced", "2021-03-15", true);
        today("2021-02-28T00:15:03Z");
        FaultInjector.reset();
        FaultInjector.hold("TransactWriteItems");
        Future<Response> sweep = CompletableFuture.supplyAsync(() -> sweep("2021-02-28T00:15:00Z"));
        FaultInjector.awaitHeld("TransactWriteItems");
        enrolCompetency(partner, "raced", "2021-03-15", false);
        FaultInjector.release("TransactWriteItems");
        sweep.get().then().body("remindersRecorded", equalTo(1)); // recorded once, on the second try
    }

    /** "action@table" or "action@index/name" for each action the function's policy allows on the table. */
    static Set<String> grants(JsonNode function) {
        Set<String> grants = new TreeSet<>();
        function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statement -> {
            String resource = statement.path("Resource").asText();
            if (!resource.contains("RenewalTable") || resource.contains("Stream")) {
                return;
            }
            String on = resource.contains("/index/") ? "index/" + resource.substring(resource.indexOf("/index/") + 7) : "table";
            statement.path("Action").forEach(action -> grants.add(action.asText() + "@" + on));
        }));
        return grants;
    }
}
