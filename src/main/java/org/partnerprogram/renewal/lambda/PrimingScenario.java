package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.store.PrimingTable;

/**
 * What SnapStart priming rehearses (docs/adr/0006-snapstart-priming-answered-in-process.md): the
 * synthetic invocations of every function, as their callers send them, in the order a partner's
 * year brings them: the console is opened, an operator enrols a partner (with a contact) and an
 * offer whose window is open, its admin renews it, tries again and is refused, reads everything
 * back, and notify emails the receipt. Later steps read what earlier ones stored in the
 * {@link PrimingTable}. A new route or function adds its step here.
 */
final class PrimingScenario {

    /** The request id, partner, offer and caller of every synthetic invocation. */
    static final String ID = "priming";

    /** One synthetic invocation: the function whose handler takes it, whether later steps read what it stores, the event. */
    record Step(String function, String name, boolean seeds, Supplier<String> event) {
    }

    private final RenewalConfig.Auth auth;
    private final String anniversary;
    private final PrimingTable table;

    /** @param anniversary the offer's AD: a few days ago, so its window is open today */
    PrimingScenario(RenewalConfig.Auth auth, LocalDate anniversary, PrimingTable table) {
        this.auth = auth;
        this.anniversary = anniversary.toString();
        this.table = table;
    }

    /** The function's own steps, and the seeding steps before its last one. */
    List<Step> stepsOf(String function) {
        List<Step> scenario = all();
        int last = -1;
        for (int i = 0; i < scenario.size(); i++) {
            last = scenario.get(i).function().equals(function) ? i : last;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            Step step = scenario.get(i);
            if (step.function().equals(function) || step.seeds()) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Every function's synthetic invocations, in the order a partner's year brings them. */
    private List<Step> all() {
        String admin = auth.partnerAdminRole();
        String operator = auth.operatorRole();
        return List.of(
                step(Route.CONSOLE, null, e -> { }),
                step(Route.CONSOLE_FILE, null, e -> e.withObjectProperty("pathParameters").put("proxy", "app.js")),
                step(Route.CONSOLE_FILE, null, e -> e.withObjectProperty("pathParameters").put("proxy", "config.json")),
                step(Route.PUT_PARTNER, operator, e -> e.put("body", "{\"name\":\"Priming\",\"migratedToPartnerCenter\":true,"
                        + "\"contacts\":[{\"email\":\"priming@example.invalid\",\"name\":\"Priming\"}],\"language\":\"en\"}")),
                step(Route.PUT_OFFER, operator, e -> e.put("body", "{\"type\":\"COMPETENCY\",\"name\":\"Priming\",\"area\":\"Priming\","
                        + "\"anniversaryDate\":\"" + anniversary + "\",\"requirementsMet\":true,"
                        + "\"renewalFee\":{\"amount\":\"4730.00\",\"currency\":\"USD\"}}")),
                step(Route.RENEW, admin, e -> renewal(e, "priming-1")),
                step(Route.RENEW, admin, e -> renewal(e, "priming-2")), // the AD moved on: refused, as problem+json
                step(Route.GET_PARTNER, admin, e -> { }),
                step(Route.LIST_OFFERS, admin, e -> { }),
                step(Route.GET_OFFER, admin, e -> { }),
                step(Route.GET_OFFER, admin, e -> e.withObjectProperty("pathParameters").put("offerId", "unknown")), // 404
                step(Route.LIST_RENEWALS, admin, e -> { }),
                step(Route.LIST_NOTIFICATIONS, admin, e -> { }),
                step(Route.LIST_DUE, operator, e -> e.withObjectProperty("queryStringParameters").put("from", anniversary).put("to", anniversary)),
                new Step(NotifyHandler.NAME, "receipt", false, this::streamEvent));
    }

    private Step step(Route route, String role, Consumer<ObjectNode> details) {
        boolean seeds = route == Route.PUT_PARTNER || route == Route.PUT_OFFER || route == Route.RENEW;
        return new Step(route.handler(), route.name(), seeds, () -> {
            ObjectNode event = apiEvent(route, role);
            details.accept(event);
            return event.toString();
        });
    }

    /** An HTTP API payload 2.0 event of the route, from a caller with {@code role} (none: no authorizer). */
    private ObjectNode apiEvent(Route route, String role) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("version", "2.0").put("routeKey", route.routeKey())
                .put("isBase64Encoded", false);
        ObjectNode path = event.putObject("pathParameters");
        if (route.routeKey().contains("{partnerId}")) {
            path.put("partnerId", ID);
        }
        if (route.routeKey().contains("{offerId}")) {
            path.put("offerId", ID);
        }
        event.putObject("headers").put("content-type", ApiResponse.JSON);
        ObjectNode context = event.putObject("requestContext").put("requestId", ID);
        if (role != null) {
            context.putObject("authorizer").putObject("jwt").putObject("claims")
                    .put("sub", ID).put(auth.partnerClaim(), ID).put(auth.rolesClaim(), "[" + role + "]");
        }
        return event;
    }

    private static void renewal(ObjectNode event, String idempotencyKey) {
        event.withObjectProperty("headers").put("idempotency-key", idempotencyKey);
        event.put("body", "{\"payment\":{\"reference\":\"priming\",\"amount\":\"4730.00\",\"currency\":\"USD\"}}");
    }

    /** The newest outbox row the scenario wrote (the renewal: its receipt), as the bus delivers it to notify. */
    private String streamEvent() {
        ObjectNode event = Json.MAPPER.createObjectNode().put("source", "priming").put("detail-type", "priming");
        ObjectNode record = event.putObject("detail").put("eventName", "INSERT");
        record.putObject("dynamodb").set("NewImage", table.lastOutboxItem().orElse(Json.MAPPER.createObjectNode()));
        return event.toString();
    }
}
