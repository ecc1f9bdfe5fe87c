package org.partnerprogram.renewal.store;

import static org.partnerprogram.renewal.store.Attributes.values;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.domain.SweepStep;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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

    public OfferStore(DynamoDbClient dynamo, RenewalConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.dueShards = config.dueShards();
    }

    public int dueShards() {
        return dueShards;
    }

    /** The partner's profile and every offer: one strongly consistent Query. */
    public PartnerView partner(String partnerId) {
        return partnerQuery(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Table.PK))
                .expressionAttributeValues(values(":pk", Table.partnerKey(partnerId))));
    }

    /** The partner's profile and one offer: still one Query, filtered to the two items. */
    public PartnerView partnerWithOffer(String partnerId, String offerId) {
        return partnerQuery(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk")
                // Key attributes cannot be filtered on: the entity and offerId attributes say the same.
                .filterExpression("#entity = :partner OR #offerId = :offerId")
                .expressionAttributeNames(Map.of("#pk", Table.PK, "#entity", Table.ENTITY, "#offerId", Table.OFFER_ID))
                .expressionAttributeValues(values(":pk", Table.partnerKey(partnerId),
                        ":partner", Table.PARTNER_ENTITY, ":offerId", offerId)));
    }

    private PartnerView partnerQuery(QueryRequest.Builder query) {
        Optional<Partner> profile = Optional.empty();
        List<StoredOffer> offers = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query.tableName(table).consistentRead(true).build()).items()) {
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
     * @throws ConcurrentChangeException if the offer or the key changed since they were read
     */
    public void commitRenewal(StoredOffer before, Offer after, LocalDate nextDue, Renewal renewal,
            TransactWriteItem idempotencyCompletion, Instant now) {
        transact("renewal of " + renewal.offerId(),
                TransactWriteItem.builder().put(offerPut(after, before.version(), nextDue, now)).build(),
                TransactWriteItem.builder().put(newItem(OfferItems.renewal(renewal))).build(),
                idempotencyCompletion);
    }

    /**
     * One offer's sweep step in one transaction: each reminder record is new (so it is recorded at
     * most once per offer, AD and kind) and the offer is still at the version the step was planned on.
     */
    public void applySweep(StoredOffer before, SweepStep step, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(offerPut(step.after(), before.version(), step.nextDue(), now)).build());
        step.remindersToRecord().forEach(reminder -> writes.add(TransactWriteItem.builder()
                .put(newItem(OfferItems.reminder(before.offer(), reminder, now))).build()));
        transact("sweep of " + before.offer().offerId(), writes.toArray(TransactWriteItem[]::new));
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

    private void transact(String what, TransactWriteItem... writes) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            // Conditions failed or another transaction held an item: the caller reads again and re-decides.
            throw new ConcurrentChangeException(what + " lost a race: " + e.cancellationReasons());
        }
    }
}
