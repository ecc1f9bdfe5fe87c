package org.partnerprogram.renewal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.NotificationsPaused;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.bench.BenchTable;
import org.partnerprogram.renewal.WorkCounter;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        sweep.sweep(SweepTable.FIRST_DAY.plusDays(3), () -> true);
        SweepTable offers = new SweepTable(dynamo, config, rules);
        LocalDate day = SweepTable.FIRST_DAY;
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            long started = System.nanoTime();
            offers.growTo(n, K, day);
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
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
            day = day.plusDays(1);
        }
    }
}
