package org.partnerprogram.renewal.store;

import static org.partnerprogram.renewal.store.Attributes.s;
import static org.partnerprogram.renewal.store.Attributes.values;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.Notification;
import org.partnerprogram.renewal.domain.NotificationEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One record per (offer, AD, event) says what became of its email (D20, D21). Sending is a claim
 * (a conditional write that only one delivery wins), then the send, then the completion; see
 * docs/adr/0004-notifications-exactly-once.md for the window a crash leaves.
 */
@ApplicationScoped
public class NotificationStore {

    /** An email being sent, or one whose send failed for a while and may be tried again. */
    private static final String SENDING = "SENDING";
    private static final String RETRY = "RETRY";

    private final DynamoDbClient dynamo;
    private final String table;

    public NotificationStore(DynamoDbClient dynamo, RenewalConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /** What a claim found: this delivery may send, the email is already decided, or another delivery holds it. */
    public enum Claim { CLAIMED, DONE, BUSY }

    /**
     * Claims the event's email for the delivery holding {@code token}, for {@code lease}. It wins
     * if nobody decided it yet, if an earlier send failed transiently, or if a claim's lease ran
     * out (its holder died: the email may or may not have gone, see the ADR).
     */
    public Claim claim(OutboxEvent event, String token, Instant now, Duration lease) {
        Map<String, AttributeValue> claim = base(event, now)
                .s(Table.STATUS, SENDING).s(Table.TOKEN, token).n(Table.LOCKED_UNTIL, now.plus(lease).getEpochSecond())
                .build();
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(#pk) OR #status = :retry OR (#status = :sending AND #locked < :now)")
                    .expressionAttributeNames(Map.of("#pk", Table.PK, "#status", Table.STATUS, "#locked", Table.LOCKED_UNTIL))
                    .expressionAttributeValues(values(":retry", RETRY, ":sending", SENDING,
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && SENDING.equals(s(e.item(), Table.STATUS)) ? Claim.BUSY : Claim.DONE;
        }
    }

    /** Completes the claim with the outcome (SENT or FAILED); false if the claim was lost meanwhile. */
    public boolean complete(String token, Notification outcome) {
        return put(outcome, "#token = :token", Map.of("#token", Table.TOKEN), values(":token", token));
    }

    /** Gives the claim up after a transient failure: the redelivered event claims it again. */
    public void release(OutboxEvent event, String token, Instant now) {
        put(base(event, now).s(Table.STATUS, RETRY).build(), "#token = :token", Map.of("#token", Table.TOKEN),
                values(":token", token));
    }

    /** Records an outcome without a send (NO_CONTACTS, OBSOLETE) unless the event was already decided. */
    public boolean recordUnsent(Notification outcome) {
        return put(outcome, "attribute_not_exists(#pk) OR #status = :retry", Map.of("#pk", Table.PK, "#status", Table.STATUS),
                values(":retry", RETRY));
    }

    /** The partner's decided notifications, newest first (one Query; a partner has a handful a year per offer). */
    public List<Notification> list(String partnerId) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Table.PK))
                .expressionAttributeValues(values(":pk", Table.notifyKey(partnerId)));
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        dynamo.queryPaginator(query.build()).items().forEach(item -> {
            String status = s(item, Table.STATUS);
            if (!SENDING.equals(status) && !RETRY.equals(status)) {
                found.add(item);
            }
        });
        // Newest first as written, on the wall clock: a local run's service clock may be pinned or moved back.
        found.sort(Comparator.comparing((Map<String, AttributeValue> item) -> s(item, Table.WRITTEN_AT)).reversed());
        return found.stream().map(NotificationStore::notification).toList();
    }

    private boolean put(Notification outcome, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        return put(item(outcome), condition, names, values);
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Attributes.Item base(OutboxEvent event, Instant now) {
        return key(event.partnerId(), event.offerId(), event.anniversaryDate(), event.event())
                .s(Table.RECORDED_AT, now);
    }

    private static Attributes.Item key(String partnerId, String offerId, LocalDate anniversaryDate, NotificationEvent event) {
        return Attributes.item()
                .s(Table.PK, Table.notifyKey(partnerId))
                .s(Table.SK, Table.notificationSortKey(offerId, anniversaryDate, event.name()))
                .s(Table.ENTITY, Table.NOTIFICATION_ENTITY)
                .s(Table.PARTNER_ID, partnerId).s(Table.OFFER_ID, offerId)
                .s(Table.EVENT, event).s(Table.ANNIVERSARY_DATE, anniversaryDate);
    }

    private static Map<String, AttributeValue> item(Notification n) {
        return key(n.partnerId(), n.offerId(), n.anniversaryDate(), n.event())
                .s(Table.STATUS, n.status())
                .list(Table.TO, n.to().stream().map(AttributeValue::fromS).toList())
                .s(Table.SENT_AT, n.sentAt()).s(Table.MESSAGE_ID, n.messageId()).s(Table.REASON, n.reason())
                .s(Table.RECORDED_AT, n.recordedAt()).s(Table.WRITTEN_AT, writtenAt())
                .build();
    }

    /** Wall-clock time, sortable as text: fixed-width nanoseconds since the epoch. */
    private static String writtenAt() {
        Instant now = Instant.now();
        return "%019d".formatted(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    private static Notification notification(Map<String, AttributeValue> item) {
        AttributeValue to = item.get(Table.TO);
        String sentAt = s(item, Table.SENT_AT);
        return new Notification(s(item, Table.PARTNER_ID), s(item, Table.OFFER_ID),
                NotificationEvent.valueOf(s(item, Table.EVENT)), Attributes.date(item, Table.ANNIVERSARY_DATE),
                Notification.Status.valueOf(s(item, Table.STATUS)),
                to == null || !to.hasL() ? List.of() : to.l().stream().map(AttributeValue::s).toList(),
                sentAt == null ? null : Instant.parse(sentAt), s(item, Table.MESSAGE_ID), s(item, Table.REASON),
                Instant.parse(s(item, Table.RECORDED_AT)));
    }
}
