package org.partnerprogram.renewal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.partnerprogram.renewal.SdkPriming;

/**
 * The table as SnapStart priming sees it (docs/adr/0006-snapstart-priming-answered-in-process.md):
 * the DynamoDB requests of a primed function, answered in process from items kept in memory, so the
 * service's own code reads back what its own writes stored and takes the paths a real caller takes
 * (found, renewed, sent). It is a rehearsal table, not an emulator: writes are stored without their
 * conditions, a Query matches on its key values alone and ignores filters, a batch read leaves no key
 * unprocessed, and nothing here is read after priming.
 */
public final class PrimingTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Items by partition key, then sort key, as the requests' DynamoDB JSON carries them. */
    private final Map<String, Map<String, JsonNode>> items = new LinkedHashMap<>();
    private JsonNode lastOutboxItem;

    /** The answer to one DynamoDB request (X-Amz-Target {@code DynamoDB_20120810.<operation>}). */
    public String answer(SdkPriming.Request request) {
        JsonNode body = read(request.body());
        String operation = request.operation().substring(request.operation().indexOf('.') + 1);
        return switch (operation) {
            case "PutItem" -> {
                put(body.path("Item"));
                yield "{}";
            }
            case "TransactWriteItems" -> {
                body.path("TransactItems").forEach(item -> put(item.path("Put").path("Item")));
                yield "{}";
            }
            case "GetItem" -> {
                JsonNode item = item(body.path("Key"));
                yield item == null ? "{}" : JSON.createObjectNode().set("Item", item).toString();
            }
            case "BatchGetItem" -> batchGet(body);
            case "Query" -> query(body);
            default -> "{}"; // UpdateItem, DeleteItem: nothing read back depends on them
        };
    }

    /** The newest outbox row written (a reminder, lapse or renewal record), as the stream's NewImage carries it. */
    public Optional<JsonNode> lastOutboxItem() {
        return Optional.ofNullable(lastOutboxItem);
    }

    private void put(JsonNode item) {
        if (!item.isObject()) {
            return; // a transaction's Update or ConditionCheck
        }
        items.computeIfAbsent(s(item, Table.PK), pk -> new LinkedHashMap<>()).put(s(item, Table.SK), item);
        if (Table.OUTBOX_ENTITIES.contains(s(item, Table.ENTITY))) {
            lastOutboxItem = item;
        }
    }

    /** The items of the keys asked for that are stored, every key processed. */
    private String batchGet(JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode responses = answer.putObject("Responses");
        body.path("RequestItems").fields().forEachRemaining(table -> {
            ArrayNode found = responses.putArray(table.getKey());
            table.getValue().path("Keys").forEach(key -> Optional.ofNullable(item(key)).ifPresent(found::add));
        });
        answer.putObject("UnprocessedKeys");
        return answer.toString();
    }

    private JsonNode item(JsonNode key) {
        return items.getOrDefault(s(key, Table.PK), Map.of()).get(s(key, Table.SK));
    }

    /**
     * The items whose key values the request names: on the table, those of the partition named by
     * one of its values (and, for begins_with, whose sort key starts with another); on the
     * due-work index, those of the shard named.
     */
    private String query(JsonNode body) {
        Set<String> values = new HashSet<>();
        body.path("ExpressionAttributeValues").forEach(value -> values.add(value.path("S").asText()));
        Predicate<JsonNode> matches = body.hasNonNull("IndexName")
                ? item -> values.contains(s(item, Table.DUE_SHARD))
                : item -> values.contains(s(item, Table.PK)) && (!body.path("KeyConditionExpression").asText().contains("begins_with")
                        || values.stream().anyMatch(prefix -> !prefix.equals(s(item, Table.PK)) && s(item, Table.SK).startsWith(prefix)));
        List<JsonNode> found = new ArrayList<>();
        items.values().forEach(partition -> partition.values().stream().filter(matches).forEach(found::add));
        ObjectNode answer = JSON.createObjectNode().put("Count", found.size()).put("ScannedCount", found.size());
        ArrayNode list = answer.putArray("Items");
        found.forEach(list::add);
        return answer.toString();
    }

    private static String s(JsonNode item, String attribute) {
        return item.path(attribute).path("S").asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
