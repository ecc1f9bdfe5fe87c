package org.partnerprogram.renewal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.RenewalRules;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The table the sweep's cost is measured on (SweepWorkTest; SweepScaleBench under -Pbench): it
 * grows between sweeps while the number due stays the same. Offers are written straight as the
 * service stores them, in parallel batches (the API would take minutes for 100,000).
 */
final class SweepTable {

    /** The first sweep's day; each sweep is a day later, so the offers due before are not due again. */
    static final LocalDate FIRST_DAY = LocalDate.parse("2031-01-10");
    /** Offers not due: their first reminder is years after every sweep day. */
    static final LocalDate FAR_AD = LocalDate.parse("2040-06-01");
    private static final Money FEE = new Money(new BigDecimal("4730.00"), "USD");

    private final DynamoDbClient dynamo;
    private final RenewalConfig config;
    private final RenewalRules rules;
    private int offers;

    SweepTable(DynamoDbClient dynamo, RenewalConfig config, RenewalRules rules) {
        this.dynamo = dynamo;
        this.config = config;
        this.rules = rules;
    }

    /**
     * Adds offers until there are {@code total}: {@code due} of the new ones are due on {@code day}
     * (their AD is 15 days later: the upcoming-anniversary reminder's day, D5).
     */
    void growTo(int total, int due, LocalDate day) throws Exception {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; offers + i < total; i++) {
            int n = offers + i;
            LocalDate ad = i < due ? day.plusDays(15) : FAR_AD;
            Offer offer = Offer.enrolled("sweep-" + n / 4, "offer-" + n, OfferType.COMPETENCY,
                    "Gold Cloud Platform", "Cloud Platform", ad, true, FEE);
            items.add(OfferItems.offer(offer, 1, rules.nextDue(offer), config.dueShards(), Instant.EPOCH));
        }
        write(items);
        offers = total;
    }

    private void write(List<Map<String, AttributeValue>> items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < items.size(); i += 25) {
                List<WriteRequest> batch = items.subList(i, Math.min(i + 25, items.size())).stream()
                        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                        .toList();
                writes.add(pool.submit(() -> writeBatch(batch)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
