package org.partnerprogram.renewal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.partnerprogram.renewal.Standalone;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The bulk import command (docs/importing.md):
 * {@code ImportCommand [--dry-run] [--endpoint URL] [--table NAME] [--format csv|jsonl] FILE}.
 * Exit 0: every row imported (or would be); 2: some rows rejected, the others imported; 1: the
 * file or the table could not be used.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line, read; a mistake in it is an {@link IllegalArgumentException} naming it. */
    record Options(String file, String endpoint, String table, Rows.Format format, boolean dryRun) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            String file = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> values.put("dry-run", "true");
                    case "--endpoint", "--table", "--format" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        values.put(args[i].substring(2), args[++i]);
                    }
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        file = args[i];
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no file to import");
            }
            return new Options(file, values.get("endpoint"), values.get("table"),
                    values.containsKey("format") ? format(values.get("format")) : Rows.formatOf(file),
                    values.containsKey("dry-run"));
        }

        private static Rows.Format format(String name) {
            return Arrays.stream(Rows.Format.values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--format must be csv or jsonl, not " + name));
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Map<String, String> overrides = options.table() != null ? Map.of("renewal.table-name", options.table()) : Map.of();
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(Path.of(options.file()), StandardCharsets.UTF_8);
                var dynamo = Standalone.dynamo(options.endpoint())) {
            Standalone services = Standalone.wire(Standalone.config(overrides), dynamo, Clock.systemUTC());
            BulkImport.Summary summary = new BulkImport(services.store, services.enrolOffer(),
                    services.config.auth().operatorRole(), options.dryRun(), out, err).run(new Rows(in, options.format()));
            report(out, summary, (System.nanoTime() - started) / 1e9, options.dryRun());
            return summary.rejectedAny() ? 2 : 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("import failed: the table could not be used: " + e.getMessage());
            return 1;
        }
    }

    private static void report(PrintStream out, BulkImport.Summary summary, double seconds, boolean dryRun) {
        out.printf("offers:   %s%npartners: %s%n", counts(summary.offers()), counts(summary.partners()));
        int rows = summary.offers().values().stream().mapToInt(Integer::intValue).sum();
        out.printf("%,d rows in %.1f s (%,.0f rows/s)%s%n", rows, seconds, rows / seconds,
                dryRun ? "; dry run: nothing was written" : "");
    }

    private static String counts(Map<BulkImport.Change, Integer> counts) {
        StringBuilder text = new StringBuilder();
        for (BulkImport.Change change : BulkImport.Change.values()) {
            if (counts.containsKey(change)) {
                text.append(text.length() == 0 ? "" : ", ").append(change.name().toLowerCase(Locale.ROOT)).append(' ')
                        .append(counts.get(change));
            }
        }
        return text.toString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: ImportCommand [--dry-run] [--endpoint http://127.0.0.1:8000] [--table NAME] [--format csv|jsonl] FILE");
        return 1;
    }
}
