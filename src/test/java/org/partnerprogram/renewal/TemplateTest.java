package org.partnerprogram.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.lambda.Route;
import org.partnerprogram.renewal.store.Table;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** template.yaml must deploy what the code serves: the same handlers, routes, table and rights. */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
class TemplateTest {

    static JsonNode resources;

    @Inject
    @Any
    Instance<RequestStreamHandler> handlers;

    @BeforeAll
    static void read() throws IOException {
        resources = new YAMLMapper().readTree(new File("template.yaml")).path("Resources");
    }

    static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new HashMap<>();
        resources.fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                found.put(r.getKey(), r.getValue().path("Properties"));
            }
        });
        return found;
    }

    static String handlerOf(JsonNode function) {
        return function.path("Environment").path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText();
    }

    @Test
    void everyFunctionRunsAHandlerOfTheArtifact() {
        Map<String, JsonNode> functions = ofType("AWS::Serverless::Function");
        assertThat(functions.values().stream().map(TemplateTest::handlerOf))
                .containsExactlyInAnyOrder("check", "renew", "enrol", "sweep", "notify", "console");
        functions.values().forEach(f -> assertThat(handlers.select(NamedLiteral.of(handlerOf(f))).isResolvable())
                .as("handler %s", handlerOf(f)).isTrue());
    }

    @Test
    void theHttpRoutesAreExactlyTheContractsAndGoToTheirHandlers() {
        Map<String, String> declared = new HashMap<>();
        ofType("AWS::Serverless::Function").values().forEach(f -> f.path("Events").forEach(event -> {
            if ("HttpApi".equals(event.path("Type").asText())) {
                JsonNode p = event.path("Properties");
                declared.put(p.path("Method").asText() + " " + p.path("Path").asText(), handlerOf(f));
            }
        }));
        Map<String, String> served = Arrays.stream(Route.values()).collect(Collectors.toMap(Route::routeKey, Route::handler));
        assertThat(declared).isEqualTo(served);
    }

    @Test
    void onlyTheConsolesFilesAreOutsideTheJwtAuthorizer() {
        ofType("AWS::Serverless::Function").values().forEach(f -> f.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            if ("HttpApi".equals(event.path("Type").asText())) {
                boolean open = "NONE".equals(route.path("Auth").path("Authorizer").asText());
                assertThat(open).as(route.path("Path").asText()).isEqualTo(handlerOf(f).equals("console"));
                if (open) {
                    assertThat(route.path("Method").asText()).isEqualTo("GET");
                }
            }
        }));
        assertThat(resources.path("ConsoleFunction").path("Properties").path("Environment").path("Variables")
                .path("RENEWAL_CONSOLE_ISSUER").asText()).isEqualTo("JwtIssuer");
    }

    @Test
    void theApiIsBehindAJwtAuthorizer() {
        JsonNode auth = ofType("AWS::Serverless::HttpApi").values().iterator().next().path("Auth");
        String name = auth.path("DefaultAuthorizer").asText();
        JsonNode jwt = auth.path("Authorizers").path(name).path("JwtConfiguration");
        assertThat(jwt.path("issuer").asText()).isEqualTo("JwtIssuer");
        assertThat(jwt.path("audience").asText()).isEqualTo("JwtAudience");
    }

    @Test
    void functionsButTheSweepUseSnapStartAndTheSweepRunsDaily() {
        ofType("AWS::Serverless::Function").values().forEach(f -> {
            if (handlerOf(f).equals("sweep")) {
                JsonNode schedule = f.path("Events").path("Daily");
                assertThat(schedule.path("Type").asText()).isIn("Schedule", "ScheduleV2");
                assertThat(schedule.path("Properties").path("ScheduleExpression").asText()).matches("cron\\(\\d+ \\d+ \\* \\* \\? \\*\\)");
            } else {
                if (handlerOf(f).equals("notify")) {
                    // With AutoPublishAlias, SAM puts the rule's target and EventInvokeConfig on the alias.
                    assertThat(f.path("Events").path("Outbox").path("Type").asText()).isEqualTo("EventBridgeRule");
                    assertThat(f.has("EventInvokeConfig")).isTrue();
                }
                assertThat(f.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
                assertThat(f.path("AutoPublishAlias").asText()).isNotBlank();
            }
            assertThat(resources.path(f.path("LoggingConfig").path("LogGroup").asText()).path("Properties").has("RetentionInDays"))
                    .as("log retention").isTrue();
        });
    }

    @Test
    void theFunctionsShareOneZipOnJava21() {
        JsonNode globals;
        try {
            globals = new YAMLMapper().readTree(new File("template.yaml")).path("Globals").path("Function");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("CodeUri").asText()).isEqualTo("target/function.zip");
        assertThat(globals.path("Handler").asText()).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
    }

    @Test
    void theTableIsTheOneTheStoreUses() {
        JsonNode table = ofType("AWS::DynamoDB::Table").values().iterator().next();
        CreateTableRequest expected = Table.createRequest("t");
        assertThat(names(table.path("KeySchema"), "AttributeName"))
                .isEqualTo(expected.keySchema().stream().map(k -> k.attributeName()).toList());
        JsonNode index = table.path("GlobalSecondaryIndexes").get(0);
        assertThat(index.path("IndexName").asText()).isEqualTo(Table.DUE_INDEX);
        assertThat(names(index.path("KeySchema"), "AttributeName")).containsExactly(Table.DUE_SHARD, Table.DUE_AT);
        assertThat(names(table.path("AttributeDefinitions"), "AttributeName")).containsExactlyInAnyOrderElementsOf(Table.keyAttributes());
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo(Table.EXPIRES_AT);
        assertThat(table.path("StreamSpecification").path("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void remindersAreDeliveredFromTheStreamByAFilteredPipe() {
        JsonNode pipe = ofType("AWS::Pipes::Pipe").values().iterator().next();
        String filter = pipe.path("SourceParameters").path("FilterCriteria").path("Filters").get(0).path("Pattern").asText();
        assertThat(filter).contains("\"" + Table.ENTITY + "\"").contains(Table.REMINDER_ENTITY).contains("INSERT");
        assertThat(pipe.path("Source").asText()).isEqualTo("RenewalTable.StreamArn");
    }

    @Test
    void everyFunctionHasOnlyNamedActionsOnTheTable() {
        ofType("AWS::Serverless::Function").forEach((name, f) -> {
            List<JsonNode> statements = new ArrayList<>();
            f.path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
            if (handlerOf(f).equals("console")) {
                assertThat(f.has("Policies")).as("the console serves files only: no rights").isFalse();
                return;
            }
            assertThat(statements).as(name).isNotEmpty();
            statements.forEach(statement -> {
                if (statement.path("Action").get(0).asText().startsWith("ses:")) {
                    return; // the notify function's one SES statement, checked below
                }
                statement.path("Action").forEach(action -> assertThat(action.asText()).as(name).startsWith("dynamodb:").doesNotContain("*"));
                assertThat(statement.path("Resource").asText()).as(name).contains("RenewalTable").doesNotContain("*");
            });
        });
        assertThat(actionsOf("CheckFunction")).containsOnly("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem");
    }

    @Test
    void onlyTheNotifyFunctionSendsEmailAndOnlyAsTheSenderIdentity() {
        ofType("AWS::Serverless::Function").forEach((name, f) -> {
            if (!name.equals("NotifyFunction")) {
                assertThat(actionsOf(name)).as(name).noneMatch(action -> action.startsWith("ses:"));
            }
        });
        assertThat(actionsOf("NotifyFunction")).containsExactlyInAnyOrder("dynamodb:BatchGetItem", "dynamodb:PutItem", "ses:SendEmail");
        JsonNode ses = resources.path("NotifyFunction").path("Properties").path("Policies").get(0).path("Statement").get(1);
        // !If [SenderIsAddressIdentity, identity/${SenderAddress}, identity/${SenderIdentity}]: never "*".
        List<String> identities = new ArrayList<>();
        ses.path("Resource").forEach(option -> identities.add(option.asText()));
        assertThat(identities).contains("SenderIsAddressIdentity");
        assertThat(identities.subList(1, identities.size()))
                .allMatch(arn -> arn.contains(":ses:") && arn.contains(":identity/${Sender") && !arn.endsWith("*"));
        JsonNode environment = resources.path("NotifyFunction").path("Properties").path("Environment").path("Variables");
        assertThat(environment.path("RENEWAL_MAIL_SENDER").asText()).isEqualTo("SenderAddress");
        // !If [HasConsoleUrl, !Ref ConsoleUrl, the console this stack serves]
        List<String> consoleUrl = new ArrayList<>();
        environment.path("RENEWAL_CONSOLE_URL").forEach(option -> consoleUrl.add(option.asText()));
        assertThat(consoleUrl).hasSize(3).startsWith("HasConsoleUrl", "ConsoleUrl");
        assertThat(consoleUrl.get(2)).endsWith("/console");
    }

    @Test
    void everyOutboxEventReachesTheNotifyFunctionAndFailuresAreDeadLetteredAndAlarmed() {
        JsonNode pipe = ofType("AWS::Pipes::Pipe").values().iterator().next();
        String filter = pipe.path("SourceParameters").path("FilterCriteria").path("Filters").get(0).path("Pattern").asText();
        Table.OUTBOX_ENTITIES.forEach(entity -> assertThat(filter).contains("\"" + entity + "\""));
        assertThat(pipe.path("SourceParameters").path("DynamoDBStreamParameters").path("DeadLetterConfig").path("Arn").asText())
                .isEqualTo("PipeDeadLetterQueue.Arn");
        JsonNode notify = resources.path("NotifyFunction").path("Properties");
        JsonNode rule = notify.path("Events").path("Outbox").path("Properties");
        assertThat(rule.path("EventBusName").asText()).isEqualTo("ReminderBus");
        assertThat(rule.path("Pattern").path("source").get(0).asText())
                .isEqualTo(pipe.path("TargetParameters").path("EventBridgeEventBusParameters").path("Source").asText());
        assertThat(rule.path("Pattern").path("detail-type").get(0).asText())
                .isEqualTo(pipe.path("TargetParameters").path("EventBridgeEventBusParameters").path("DetailType").asText());
        assertThat(notify.path("EventInvokeConfig").path("MaximumRetryAttempts").asInt()).isPositive();
        assertThat(notify.path("EventInvokeConfig").path("DestinationConfig").path("OnFailure").path("Destination").asText())
                .isEqualTo("NotifyDeadLetterQueue.Arn");
        List<String> watchedQueues = new ArrayList<>();
        ofType("AWS::CloudWatch::Alarm").values().forEach(alarm -> watchedQueues.add(alarm.path("Dimensions").path(0).path("Value").asText()));
        assertThat(watchedQueues).contains("NotifyDeadLetterQueue.QueueName", "PipeDeadLetterQueue.QueueName");
    }

    @Test
    void operatorsAreAlertedToFaultsFailedSweepsAndThrottling() {
        Map<String, JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        List<String> watched = new ArrayList<>();
        alarms.values().forEach(alarm -> {
            assertThat(alarm.path("AlarmActions").get(0).asText()).isEqualTo("AlarmTopic");
            watched.add(alarm.path("MetricName").asText() + " " + alarm.path("Dimensions").path(0).path("Value").asText());
        });
        assertThat(watched).contains("Errors CheckFunction", "Errors RenewFunction", "Errors EnrolFunction", "Errors SweepFunction",
                "Throttles ", "ThrottledRequests RenewalTable");
        JsonNode sweep = resources.path("SweepFunction").path("Properties").path("Events").path("Daily").path("Properties");
        assertThat(sweep.path("DeadLetterConfig").path("Arn").asText()).isEqualTo("SweepDeadLetterQueue.Arn");
    }

    @Test
    void everyFunctionIsTraced() throws IOException {
        JsonNode globals = new YAMLMapper().readTree(new File("template.yaml")).path("Globals").path("Function");
        assertThat(globals.path("Tracing").asText()).isEqualTo("Active");
    }

    static List<String> actionsOf(String function) {
        List<String> actions = new ArrayList<>();
        resources.path(function).path("Properties").path("Policies")
                .forEach(p -> p.path("Statement").forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText()))));
        return actions;
    }

    static List<String> names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    @Test
    void everyFunctionLogsJsonAndTheApiWritesAccessLogs() {
        ofType("AWS::Serverless::Function").forEach((name, function) ->
                assertThat(function.path("LoggingConfig").path("LogFormat").asText()).as(name + " LogFormat").isEqualTo("JSON"));
        JsonNode accessLogs = ofType("AWS::Serverless::HttpApi").values().iterator().next().path("AccessLogSettings");
        assertThat(accessLogs.path("DestinationArn").isMissingNode()).as("access log destination").isFalse();
        assertThat(accessLogs.path("Format").asText()).contains("$context.status", "$context.authorizer.error", "$context.routeKey");
    }

    @Test
    void logGroupsAndQueuesSayWhatHappensToThemOnDeletionAndReplacement() {
        List<String> unsaid = new ArrayList<>();
        resources.fields().forEachRemaining(r -> {
            String type = r.getValue().path("Type").asText();
            if ((type.equals("AWS::Logs::LogGroup") || type.equals("AWS::SQS::Queue"))
                    && (!r.getValue().has("DeletionPolicy") || !r.getValue().has("UpdateReplacePolicy"))) {
                unsaid.add(r.getKey());
            }
        });
        assertThat(unsaid).isEmpty();
    }
}
