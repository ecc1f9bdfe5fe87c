package org.partnerprogram.renewal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.WorkCounter;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.local.LocalDynamo;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sweep reads what is due, not what exists (ADR 0001): with K offers due and the table grown
 * from a few hundred to a few thousand offers, it reads at most K + shards items, one Query per
 * shard page and one transaction per due offer. A table of its own, so other tests' offers are not
 * swept; the benchmark (-Pbench, SweepScaleBench) repeats it at 100,000 offers. The notify path
 * reads the main table through the same client: paused, as its reads are not the sweep's.
 */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
class SweepWorkTest implements NotificationsPaused {

    static final int K = 40;
    static final LocalDate FIRST_DAY = LocalDate.parse("2031-01-10");
    /** Offers not due: their first reminder is years after every sweep day of this test. */
    static final LocalDate FAR_AD = LocalDate.parse("2040-06-01");

    /** The service's client, so the WorkCounter sees every request. */
    @Inject
    DynamoDbClient dynamo;

    @Test
    void theSweepReadsTheDueOffersWhateverTheSizeOfTheTable() {
        String table = "sweep-work-" + System.nanoTime();
        LocalDynamo.createTable(dynamo, table);
        RenewalConfig config = Standalone.config(Map.of("renewal.table-name", table));
        Standalone services = Standalone.wire(config, dynamo, Clock.fixed(Instant.parse("2031-01-10T00:15:00Z"), ZoneOffset.UTC));
        SweepDueWork sweep = new SweepDueWork(services.store, services.rules, services.today, config);
        int shards = config.dueShards();
        int loaded = 0;
        int run = 0;
        for (int n : new int[] {200, 2_000}) {
            LocalDate day = FIRST_DAY.plusDays(run++);
            load(services, table, loaded, n - loaded, day);
            loaded = n;
            WorkCounter.reset();
            SweepDueWork.Report report = sweep.sweep(day, () -> true);
            assertThat(report.remindersRecorded()).as("reminders at N=%d", n).isEqualTo(K);
            assertThat(WorkCounter.itemsRead()).as("items read at N=%d", n).isBetween((long) K, (long) K + shards);
            assertThat(WorkCounter.requests("Query")).as("Queries at N=%d", n).isBetween((long) shards, 2L * shards);
            assertThat(WorkCounter.requests("TransactWriteItems")).as("transactions at N=%d", n).isEqualTo(K);
        }
    }

    /** Writes {@code count} offers (the first K due on {@code day}) as the service stores them. */
    private void load(Standalone services, String table, int from, int count, LocalDate day) {
        Money fee = new Money(new BigDecimal("4730.00"), "USD");
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate ad = i < K ? day.plusDays(15) : FAR_AD;
            Offer offer = Offer.enrolled("work-" + ((from + i) / 4), "offer-" + (from + i), OfferType.COMPETENCY,
                    "Gold Cloud Platform", "Cloud Platform", ad, true, fee);
            Map<String, AttributeValue> item = OfferItems.offer(offer, 1, services.rules.nextDue(offer),
                    services.config.dueShards(), Instant.EPOCH);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                write(table, List.copyOf(batch));
                batch.clear();
            }
        }
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
