package org.partnerprogram.renewal.bench;

import java.util.Collection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmark in a forked JVM: in the test JVM the other benchmarks' threads and heap (a
 * DynamoDB Local holding 100,000 offers) made single iterations ten times slower.
 */
@Tag("bench")
class DomainDecisionBenchTest {

    @Test
    void oneEvaluationOfTheRulesTakesMicrosecondsAtMost() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DomainDecisionBench.class.getName())
                .forks(1)
                .warmupIterations(8).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run();
        for (RunResult result : results) {
            double nanos = result.getPrimaryResult().getScore();
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            BenchTable.row("domain: one %s (JMH average)".formatted(name),
                    "%.2f µs ± %.2f".formatted(nanos / 1000, result.getPrimaryResult().getScoreError() / 1000),
                    "<= 2 µs", nanos <= 2000);
        }
    }
}
