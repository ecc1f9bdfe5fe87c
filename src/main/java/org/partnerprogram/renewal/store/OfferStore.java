package org.partnerprogram.renewal.store;

import static org.partnerprogram.renewal.store.Attributes.values;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.AnniversaryState;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.domain.SweepStep;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Partners, offers, renewal history and reminder records in the one table. */
@ApplicationScoped
public class OfferStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final int dueShards;
    private final int maxAttempts;

    public OfferStore(DynamoDbClient dynamo, RenewalConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.dueShards = config.dueShards();
        this.maxAttempts = config.storeMaxAttempts();
    }

    public int dueShards() {
        return dueShards;
    }

    /** The partner's profile and every offer: one strongly consistent Query. */
    public PartnerView partner(String partnerId) {
        return partnerView(dynamo.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Table.PK))
                .expressionAttributeValues(values(":pk", Table.partnerKey(partnerId)))
                .build()).items());
    }

    /**
     * The partner's profile and one offer: the two items by key, in one strongly consistent
     * BatchGetItem (a Query would read the partner's every offer and filter them out after).
     */
    public PartnerView partnerWithOffer(String partnerId, String offerId) {
        String pk = Table.partnerKey(partnerId);
        return partnerView(batchGet(List.of(Attributes.key(pk, Table.PROFILE), Attributes.key(pk, Table.offerSortKey(offerId)))));
    }

    /**
     * The items of these keys that exist, read consistently. DynamoDB may leave keys unprocessed
     * (some of them throttled): those are asked again, after a backoff, up to the configured
     * number of attempts; then the read fails as a store outage (the API answers 503).
     */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        KeysAndAttributes pending = KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
        for (int attempt = 1; ; attempt++) {
            KeysAndAttributes asked = pending;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, asked)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.unprocessedKeys().get(table);
            if (pending == null || pending.keys().isEmpty()) {
                return found;
            }
            if (attempt == maxAttempts) {
                throw SdkClientException.create(pending.keys().size() + " keys still unprocessed after " + attempt + " attempts");
            }
            backOff(attempt);
        }
    }

    /** As the SDK's own retries wait for throttling: exponential, with full jitter. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(1)).computeDelay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while retrying unprocessed keys", e);
        }
    }

    private static PartnerView partnerView(Iterable<Map<String, AttributeValue>> items) {
        Optional<Partner> profile = Optional.empty();
        List<StoredOffer> offers = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (Table.PROFILE.equals(item.get(Table.SK).s())) {
                profile = Optional.of(OfferItems.partner(item));
            } else {
                offers.add(OfferItems.offer(item));
            }
        }
        return new PartnerView(profile, offers);
    }

    public void savePartner(Partner partner, Instant now) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(OfferItems.partner(partner, now)).build());
    }

    /**
     * Writes the offer if its item is still at {@code expectedVersion} (null: must not exist yet).
     *
     * @throws ConcurrentChangeException if another write got there first
     */
    public void saveOffer(Offer offer, Long expectedVersion, LocalDate nextDue, Instant now) {
        Put put = offerPut(offer, expectedVersion, nextDue, now);
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("offer " + offer.offerId() + " changed concurrently");
        }
    }

    /** Renewal history of one offer, newest first (one Query). */
    public List<Renewal> renewals(String partnerId, String offerId) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :renewal)")
                .expressionAttributeNames(Map.of("#pk", Table.PK, "#sk", Table.SK))
                .expressionAttributeValues(values(":pk", Table.offerKey(partnerId, offerId), ":renewal", Table.RENEWAL_PREFIX))
                .scanIndexForward(false);
        return dynamo.queryPaginator(query.build()).items().stream().map(OfferItems::renewal).toList();
    }

    /**
     * The renewal, in one transaction: the offer moves to its new AD only if it is still at the
     * version that was decided on, the history record is new for that AD, and the idempotency
     * record is completed with the response (so a retry after a crash replays it).
     *
     * @throws ConcurrentChangeException if the offer changed since it was read (read again, decide again)
     * @throws AlreadyRecordedException if this AD of the offer was already renewed (an operator moved it back)
     * @throws KeyTakenOverException if a retry with the same key took it over
     */
    public void commitRenewal(StoredOffer before, Offer after, LocalDate nextDue, Renewal renewal,
            TransactWriteItem idempotencyCompletion, Instant now) {
        transact("renewal of " + renewal.offerId() + " from " + renewal.previousAnniversaryDate(), List.of(
                new Guarded(TransactWriteItem.builder().put(offerPut(after, before.version(), nextDue, now)).build(), Guard.VERSION),
                new Guarded(TransactWriteItem.builder().put(newItem(OfferItems.renewal(renewal))).build(), Guard.NEW_RECORD),
                new Guarded(idempotencyCompletion, Guard.IDEMPOTENCY_KEY)));
    }

    /**
     * One offer's sweep step in one transaction: each reminder record and the lapse record are new
     * (so each is recorded at most once per offer, AD and kind) and the offer is still at the
     * version the step was planned on.
     *
     * @throws ConcurrentChangeException if the offer changed since it was read
     * @throws AlreadyRecordedException if a reminder or the lapse is already recorded for this AD
     *     while the offer's copy did not say so: read {@link #recordedFor} and plan again
     */
    public void applySweep(StoredOffer before, SweepStep step, Instant now) {
        Offer offer = before.offer();
        List<Guarded> writes = new ArrayList<>();
        writes.add(new Guarded(TransactWriteItem.builder().put(offerPut(step.after(), before.version(), step.nextDue(), now)).build(),
                Guard.VERSION));
        step.remindersToRecord().forEach(reminder -> writes.add(new Guarded(TransactWriteItem.builder()
                .put(newItem(OfferItems.reminder(offer, reminder, now))).build(), Guard.NEW_RECORD)));
        if (step.lapse()) {
            writes.add(new Guarded(TransactWriteItem.builder()
                    .put(newItem(OfferItems.lapse(offer, step.after().state().lapsedOn(), now))).build(), Guard.NEW_RECORD));
        }
        transact("sweep of " + offer.offerId() + " for " + offer.anniversaryDate(), writes);
    }

    /**
     * What the table records for one AD of the offer (its reminder and lapse records): the source
     * of truth the offer's state is rebuilt from when its AD changes (D17). One Query of the
     * offer's own records, a handful per year.
     */
    public AnniversaryState recordedFor(String partnerId, String offerId, LocalDate anniversaryDate) {
        return OfferItems.recorded(dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("#ad = :ad")
                .expressionAttributeNames(Map.of("#pk", Table.PK, "#ad", Table.ANNIVERSARY_DATE))
                .expressionAttributeValues(values(":pk", Table.offerKey(partnerId, offerId), ":ad", anniversaryDate.toString())))
                .items());
    }

    /**
     * The offers with work due on or before {@code today} in one index partition, a page of at most
     * {@code pageSize} at a time. Lazy: each page is one Query, made only when the caller asks for
     * it, so a caller that stops early (the sweep near its time limit) reads no further.
     */
    public Iterable<List<StoredOffer>> due(int shard, LocalDate today, int pageSize) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(Table.DUE_INDEX)
                .keyConditionExpression("#shard = :shard AND #due <= :today")
                .expressionAttributeNames(Map.of("#shard", Table.DUE_SHARD, "#due", Table.DUE_AT))
                .expressionAttributeValues(values(":shard", Table.dueShard(shard), ":today", today.toString()))
                .limit(pageSize)
                .build();
        return () -> dynamo.queryPaginator(query).stream().map(page -> page.items().stream().map(OfferItems::offer).toList()).iterator();
    }

    /**
     * D23: every offer whose next due day lies in [{@code from}, {@code to}] in one index
     * partition, in index order: Queries on the due-work index, never a Scan.
     */
    public List<StoredOffer> dueBetween(int shard, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(Table.DUE_INDEX)
                .keyConditionExpression("#shard = :shard AND #due BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#shard", Table.DUE_SHARD, "#due", Table.DUE_AT))
                .expressionAttributeValues(values(":shard", Table.dueShard(shard), ":from", from.toString(), ":to", to.toString()))
                .build();
        return dynamo.queryPaginator(query).items().stream().map(OfferItems::offer).toList();
    }

    /** D22: the partner's profile alone (one GetItem); empty if no operator described it. */
    public Optional<Partner> profile(String partnerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Table.partnerKey(partnerId), Table.PROFILE))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OfferItems.partner(item));
    }

    /** The renewal of this AD of the offer, if it was renewed (one GetItem: one record per offer and AD). */
    public Optional<Renewal> renewalOf(String partnerId, String offerId, LocalDate anniversaryDate) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Table.offerKey(partnerId, offerId), Table.renewalSortKey(anniversaryDate)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OfferItems.renewal(item));
    }

    /** The offer as one item, for a re-read after a lost race. */
    public Optional<StoredOffer> offer(String partnerId, String offerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Table.partnerKey(partnerId), Table.offerSortKey(offerId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OfferItems.offer(item));
    }

    private Put offerPut(Offer offer, Long expectedVersion, LocalDate nextDue, Instant now) {
        long version = expectedVersion == null ? 1 : expectedVersion + 1;
        Put.Builder put = Put.builder().tableName(table)
                .item(OfferItems.offer(offer, version, nextDue, dueShards, now));
        if (expectedVersion == null) {
            return put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Table.PK)).build();
        }
        return put.conditionExpression("#version = :version")
                .expressionAttributeNames(Map.of("#version", Table.VERSION))
                .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(expectedVersion))))
                .build();
    }

    private Put newItem(Map<String, AttributeValue> item) {
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Table.PK))
                .build();
    }

    /** What a write's condition protects, so that a cancelled transaction can say what it means. */
    private enum Guard {
        /** The offer is still at the version read: failing means another write got there first. */
        VERSION,
        /** A record written once per (offer, AD): failing means it already exists. */
        NEW_RECORD,
        /** The idempotency record still holds this request's token. */
        IDEMPOTENCY_KEY
    }

    private record Guarded(TransactWriteItem write, Guard guard) {
    }

    /**
     * Runs the writes as one transaction. When it is cancelled, the cancellation reasons (one per
     * write, in order) say which condition failed: only a changed offer or a conflicting
     * transaction is a race to retry; an existing record is an answer.
     */
    private void transact(String what, List<Guarded> writes) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(writes.stream().map(Guarded::write).toList()).build());
        } catch (TransactionCanceledException e) {
            throw cancelled(what, writes, e.hasCancellationReasons() ? e.cancellationReasons() : List.of());
        }
    }

    private static RuntimeException cancelled(String what, List<Guarded> writes, List<CancellationReason> reasons) {
        EnumSet<Guard> failed = EnumSet.noneOf(Guard.class);
        // TransactionConflict (another transaction held an item), throttling or anything unknown:
        // retried as a race, a bounded number of times, as before reasons were read.
        boolean race = reasons.isEmpty();
        for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
            String code = reasons.get(i).code();
            if ("ConditionalCheckFailed".equals(code)) {
                failed.add(writes.get(i).guard());
            } else if (code != null && !"None".equals(code)) {
                race = true;
            }
        }
        if (race || failed.contains(Guard.VERSION) || failed.isEmpty()) {
            return new ConcurrentChangeException(what + " lost a race: " + reasons);
        }
        if (failed.contains(Guard.IDEMPOTENCY_KEY)) {
            return new KeyTakenOverException(what + ": the idempotency key was taken over");
        }
        return new AlreadyRecordedException(what + ": already recorded");
    }
}
