package org.partnerprogram.renewal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> options.put("dry-run", "true");
                case "--endpoint", "--table", "--format" -> {
                    if (i + 1 == args.length) {
                        return usage(err, args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        if (file == null) {
            return usage(err, "no file to import");
        }
        Rows.Format format = options.containsKey("format")
                ? Rows.Format.valueOf(options.get("format").toUpperCase(Locale.ROOT)) : Rows.formatOf(file);
        Map<String, String> overrides = options.containsKey("table") ? Map.of("renewal.table-name", options.get("table")) : Map.of();
        boolean dryRun = options.containsKey("dry-run");
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
                var dynamo = Standalone.dynamo(options.get("endpoint"))) {
            Standalone services = Standalone.wire(Standalone.config(overrides), dynamo, Clock.systemUTC());
            BulkImport.Summary summary = new BulkImport(services.store, services.enrolOffer(),
                    services.config.auth().operatorRole(), dryRun, out, err).run(new Rows(in, format));
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("offers:   %s%npartners: %s%n", counts(summary.offers()), counts(summary.partners()));
            int rows = summary.offers().values().stream().mapToInt(Integer::intValue).sum();
            out.printf("%,d rows in %.1f s (%,.0f rows/s)%s%n", rows, seconds, rows / seconds,
                    dryRun ? "; dry run: nothing was written" : "");
            return summary.rejectedAny() ? 2 : 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("import failed: the table could not be used: " + e.getMessage());
            return 1;
        }
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
