package org.partnerprogram.renewal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The benchmark's one table: each bench appends its rows to target/bench/rows.tsv; the last one
 * (ColdStartBenchIT, after the package is built) prints the whole table and writes results.md.
 */
public final class BenchTable {

    static final Path ROWS = Path.of("target", "bench", "rows.tsv");
    static final Path RESULTS = Path.of("target", "bench", "results.md");

    /**
     * The first row written in the unit-test JVM starts a new table; the IT JVM continues it. A
     * system property, not a static: Quarkus tests load this class in classloaders of their own.
     */
    private static final String STARTED = "bench.table.started";

    private BenchTable() {
    }

    /** Called by the benchmark that runs after the others (in another JVM): add to their table. */
    static void continueTable() {
        System.setProperty(STARTED, "true");
    }

    /** One figure, as measured, against its target. */
    public static void row(String figure, String measured, String target, boolean met) {
        try {
            Files.createDirectories(ROWS.getParent());
            if (System.getProperty(STARTED) == null) {
                Files.deleteIfExists(ROWS);
                System.setProperty(STARTED, "true");
            }
            Files.writeString(ROWS, String.join("\t", figure, measured, target, met ? "yes" : "NO") + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the table to stdout and writes it as Markdown. */
    static void print() throws IOException {
        List<String[]> rows = Files.readAllLines(ROWS).stream().map(line -> line.split("\t")).toList();
        StringBuilder table = new StringBuilder("| figure | measured | target | met |\n|---|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
        Files.writeString(RESULTS, table.toString(), StandardCharsets.UTF_8);
        System.out.println("\n=== Benchmark (target/bench/results.md) ===\n" + table);
    }
}
