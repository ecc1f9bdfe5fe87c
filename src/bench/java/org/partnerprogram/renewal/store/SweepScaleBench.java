package org.partnerprogram.renewal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.bench.BenchTable;
import org.partnerprogram.renewal.WorkCounter;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sweep's cost at N = 1k, 10k and 100k offers with K = 100 due: the table grows between runs,
 * the due count does not, and the items the sweep reads must stay flat (<= K + shards, asserted).
 * The same figure at a modest N is asserted in the normal suite (store/SweepWorkTest). The local
 * stream's notify deliveries read the table through the same client: paused, not the sweep's reads.
 */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
@Tag("bench")
class SweepScaleBench implements NotificationsPaused {

    static final int K = 100;
    static final LocalDate FIRST_DAY = LocalDate.parse("2031-01-10");
    /** Offers not due: their first reminder is years after every sweep day of this bench. */
    static final LocalDate FAR_AD = LocalDate.parse("2040-06-01");

    @Inject
    DynamoDbClient dynamo;
    @Inject
    RenewalConfig config;
    @Inject
    RenewalRules rules;
    @Inject
    SweepDueWork sweep;

    @Test
    void theSweepReadsWhatIsDueNotWhatExists() throws Exception {
        // Whatever other benches left due is swept first: the runs below see only their own K.
        sweep.sweep(FIRST_DAY.plusDays(3), () -> true);
        int loaded = 0;
        int run = 0;
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            LocalDate day = FIRST_DAY.plusDays(run);
            long started = System.nanoTime();
            load(loaded, n - loaded, day);
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            loaded = n;
            WorkCounter.reset();
            SweepDueWork.Report report = sweep.sweep(day, () -> true);
            long read = WorkCounter.itemsRead();
            int shards = config.dueShards();
            BenchTable.row("sweep at N=%,d offers, K=%d due: items read".formatted(n, K), Long.toString(read),
                    "<= K + shards = " + (K + shards), read <= K + shards && report.remindersRecorded() == K);
            BenchTable.row("sweep at N=%,d: Query / TransactWriteItems requests; read / write capacity".formatted(n),
                    "%d / %d; %.1f RCU / %.0f WCU".formatted(WorkCounter.requests("Query"), WorkCounter.requests("TransactWriteItems"),
                            WorkCounter.readCapacity(), WorkCounter.writeCapacity()),
                    "one Query per shard page; one transaction per due offer",
                    WorkCounter.requests("Query") <= shards * 2L && WorkCounter.requests("TransactWriteItems") == K);
            System.out.printf("N=%,d: loaded in %,d ms; sweep read %d items%n", n, loadMillis, read);
            assertThat(read).as("items read at N=%d", n).isLessThanOrEqualTo(K + shards);
            assertThat(report.remindersRecorded()).as("reminders at N=%d", n).isEqualTo(K);
            run++;
        }
    }

    /** Writes {@code count} offers (K of them due on {@code day}) as the service stores them. */
    void load(int from, int count, LocalDate day) throws Exception {
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        Money fee = new Money(new BigDecimal("4730.00"), "USD");
        for (int i = 0; i < count; i++) {
            boolean due = i < K;
            LocalDate ad = due ? day.plusDays(15) : FAR_AD;
            Offer offer = Offer.enrolled("bench-" + ((from + i) / 4), "offer-" + (from + i), OfferType.COMPETENCY,
                    "Gold Cloud Platform", "Cloud Platform", ad, true, fee);
            items.add(OfferItems.offer(offer, 1, rules.nextDue(offer), config.dueShards(), Instant.EPOCH));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < items.size(); i += 25) {
                List<WriteRequest> batch = items.subList(i, Math.min(i + 25, items.size())).stream()
                        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                        .toList();
                writes.add(pool.submit(() -> write(batch)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
