package org.partnerprogram.renewal.store;

import static org.partnerprogram.renewal.store.Attributes.item;
import static org.partnerprogram.renewal.store.Attributes.n;
import static org.partnerprogram.renewal.store.Attributes.s;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.partnerprogram.renewal.RenewalConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Idempotency records on conditional writes (docs/adr/0002-idempotency-on-conditional-writes.md). A request first claims
 * its key; the claim either succeeds, or fails and hands back the record that holds the key, with
 * no extra read. Records expire by TTL after the retention (D16); an unfinished claim can be taken
 * over once its lock has passed, so a crashed request does not block its retries for a day.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETE = "COMPLETE";
    /** Given back without an outcome to replay (D16: a 404 or a fault is not stored). */
    private static final String RELEASED = "RELEASED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final RenewalConfig.Idempotency settings;

    public IdempotencyStore(DynamoDbClient dynamo, RenewalConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.settings = config.idempotency();
    }

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is ours until {@link #complete} or {@link #release}. */
        record Claimed(String partnerId, String key, String token) implements Claim {
        }

        /** The key already holds a finished request. */
        record Completed(String fingerprint, int status, String body) implements Claim {
        }

        /** Another request with this key is still running. */
        record InProgress(String fingerprint) implements Claim {
        }
    }

    /**
     * Claims the key. Its retention and lock run on the wall clock, never the service clock a local
     * run may pin: D16 replays for 24 hours of wall-clock time.
     */
    public Claim claim(String partnerId, String key, String fingerprint) {
        Instant now = Instant.now();
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> record = item()
                .s(Table.PK, Table.idempotencyKey(partnerId, key)).s(Table.SK, Table.IDEMPOTENCY)
                .s(Table.ENTITY, Table.IDEMPOTENCY_ENTITY)
                .s(Table.STATE, IN_PROGRESS).s(Table.FINGERPRINT, fingerprint).s(Table.TOKEN, token)
                .n(Table.LOCKED_UNTIL, now.plus(settings.lock()).getEpochSecond())
                .n(Table.EXPIRES_AT, now.plus(settings.retention()).getEpochSecond())
                .build();
        try {
            dynamo.putItem(b -> b.tableName(table).item(record)
                    // Free when absent, expired but not yet deleted by TTL, released, or abandoned mid-flight.
                    .conditionExpression("attribute_not_exists(#pk) OR #expires < :now OR #state = :released"
                            + " OR (#state = :inProgress AND #locked < :now)")
                    .expressionAttributeNames(Map.of("#pk", Table.PK, "#expires", Table.EXPIRES_AT,
                            "#state", Table.STATE, "#locked", Table.LOCKED_UNTIL))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS), ":released", AttributeValue.fromS(RELEASED)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Claimed(partnerId, key, token);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.item();
            if (COMPLETE.equals(s(existing, Table.STATE))) {
                return new Claim.Completed(s(existing, Table.FINGERPRINT), (int) n(existing, Table.RESPONSE_STATUS),
                        s(existing, Table.RESPONSE_BODY));
            }
            return new Claim.InProgress(s(existing, Table.FINGERPRINT));
        }
    }

    /**
     * Stores the response for replay, if the claim is still ours.
     *
     * @throws KeyTakenOverException if a retry took the key over after this request's lock passed
     */
    public void complete(Claim.Claimed claim, int status, String body) {
        Update update = completion(claim, status, body);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw new KeyTakenOverException("idempotency key " + claim.key() + " was taken over");
        }
    }

    /** The same completion as one write of a transaction (the renewal commits it atomically). */
    public TransactWriteItem completionInTransaction(Claim.Claimed claim, int status, String body) {
        return TransactWriteItem.builder().update(completion(claim, status, body)).build();
    }

    /**
     * Gives the key back (the outcome is not one that is stored, D16), if the claim is still ours
     * and unfinished: a stored outcome must survive a failure after its commit. The record is
     * marked, not deleted: the service deletes nothing, TTL removes it later.
     */
    public void release(Claim.Claimed claim) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(claim))
                    .updateExpression("SET #state = :released")
                    .conditionExpression("#token = :token AND #state = :inProgress")
                    .expressionAttributeNames(Map.of("#token", Table.TOKEN, "#state", Table.STATE))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(claim.token()),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS), ":released", AttributeValue.fromS(RELEASED))));
        } catch (ConditionalCheckFailedException e) {
            // Finished, or taken over after our lock passed: nothing of ours to give back.
        }
    }

    private Update completion(Claim.Claimed claim, int status, String body) {
        return Update.builder().tableName(table).key(key(claim))
                .updateExpression("SET #state = :complete, #status = :status, #body = :body")
                .conditionExpression("#token = :token")
                .expressionAttributeNames(Map.of("#state", Table.STATE, "#status", Table.RESPONSE_STATUS,
                        "#body", Table.RESPONSE_BODY, "#token", Table.TOKEN))
                .expressionAttributeValues(Map.of(":complete", AttributeValue.fromS(COMPLETE),
                        ":status", AttributeValue.fromN(Integer.toString(status)),
                        ":body", AttributeValue.fromS(body),
                        ":token", AttributeValue.fromS(claim.token())))
                .build();
    }

    private static Map<String, AttributeValue> key(Claim.Claimed claim) {
        return Attributes.key(Table.idempotencyKey(claim.partnerId(), claim.key()), Table.IDEMPOTENCY);
    }
}
