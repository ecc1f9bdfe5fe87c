package org.partnerprogram.renewal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.WorkCounter;
import org.partnerprogram.renewal.local.LocalDynamo;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    /** The service's client, so the WorkCounter sees every request. */
    @Inject
    DynamoDbClient dynamo;

    @Test
    void theSweepReadsTheDueOffersWhateverTheSizeOfTheTable() throws Exception {
        String table = "sweep-work-" + System.nanoTime();
        LocalDynamo.createTable(dynamo, table);
        RenewalConfig config = Standalone.config(Map.of("renewal.table-name", table));
        Standalone services = Standalone.wire(config, dynamo, Clock.fixed(Instant.parse("2031-01-10T00:15:00Z"), ZoneOffset.UTC));
        SweepDueWork sweep = new SweepDueWork(services.store, services.rules, services.today, config);
        SweepTable offers = new SweepTable(dynamo, config, services.rules);
        int shards = config.dueShards();
        LocalDate day = SweepTable.FIRST_DAY;
        for (int n : new int[] {200, 2_000}) {
            offers.growTo(n, K, day);
            WorkCounter.reset();
            SweepDueWork.Report report = sweep.sweep(day, () -> true);
            assertThat(report.remindersRecorded()).as("reminders at N=%d", n).isEqualTo(K);
            assertThat(WorkCounter.itemsRead()).as("items read at N=%d", n).isBetween((long) K, (long) K + shards);
            assertThat(WorkCounter.requests("Query")).as("Queries at N=%d", n).isBetween((long) shards, 2L * shards);
            assertThat(WorkCounter.requests("TransactWriteItems")).as("transactions at N=%d", n).isEqualTo(K);
            day = day.plusDays(1);
        }
    }
}
