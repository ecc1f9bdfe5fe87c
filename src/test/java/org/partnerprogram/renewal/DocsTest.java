package org.partnerprogram.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone explains itself: every relative link in a Markdown file and every {@code docs/...}
 * reference in the sources resolves inside the repository (anchors included), and every decision
 * number cited anywhere is defined in docs/rules.md.
 */
class DocsTest {

    static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    /** [text](target) and ![alt](target); the target ends at a space or ")". */
    static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    static final Pattern DOCS_REFERENCE = Pattern.compile("(?<![\\w/.])(docs/[A-Za-z0-9_./-]*[A-Za-z0-9_-](?:#[a-z0-9-]+)?)");
    static final Pattern DECISION = Pattern.compile("\\bD([0-9]{1,2})\\b");
    static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$", Pattern.MULTILINE);

    static List<Path> files(String... suffixes) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        Path relative = ROOT.relativize(file);
                        String first = relative.getName(0).toString();
                        return !first.equals("target") && !first.startsWith(".") && !first.equals("node_modules");
                    })
                    .filter(file -> Stream.of(suffixes).anyMatch(file.toString()::endsWith))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRelativeLinkInTheMarkdownResolvesInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path file : files(".md")) {
            Matcher link = MARKDOWN_LINK.matcher(read(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: - not a file of the repository
                }
                String problem = resolve(file.getParent(), target, file);
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("dangling links").isEmpty();
    }

    @Test
    void everyDocsReferenceInTheSourcesResolves() {
        List<String> broken = new ArrayList<>();
        for (Path file : files(".java", ".properties", ".yaml", ".xml")) {
            Matcher reference = DOCS_REFERENCE.matcher(read(file));
            while (reference.find()) {
                String problem = resolve(ROOT, reference.group(1), file);
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ": " + reference.group(1) + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("docs/... references to nothing").isEmpty();
    }

    @Test
    void nothingPointsAtTheSharedFolderOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path file : files(".md", ".java", ".properties", ".yaml", ".xml")) {
            String text = read(file);
            // Spelled in two parts so that this file does not name them itself.
            if (text.contains("../" + "shared") || text.contains("renewal-rules" + ".md")) {
                outside.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(outside).as("files that cite the spec outside the repository instead of docs/rules.md").isEmpty();
    }

    @Test
    void everyDecisionCitedIsDefinedInTheRules() {
        Set<String> defined = anchors(ROOT.resolve("docs/rules.md"));
        Set<String> undefined = new TreeSet<>();
        for (Path file : files(".md", ".java", ".properties", ".yaml")) {
            Matcher decision = DECISION.matcher(read(file));
            while (decision.find()) {
                if (!defined.contains("d" + decision.group(1))) {
                    undefined.add("D" + decision.group(1) + " in " + ROOT.relativize(file));
                }
            }
        }
        assertThat(defined).as("docs/rules.md defines D1..D23").containsAll(
                Stream.iterate(1, n -> n + 1).limit(23).map(n -> "d" + n).toList());
        assertThat(undefined).as("decisions cited but not defined in docs/rules.md").isEmpty();
    }

    /** Null if {@code target} (relative to {@code base}) names a file or folder of the repository and an anchor of it. */
    static String resolve(Path base, String target, Path from) {
        String path = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        Path resolved = path.isEmpty() ? from : base.resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no such anchor";
        }
        return null;
    }

    /** Explicit anchors and GitHub's heading anchors of a Markdown file. */
    static Set<String> anchors(Path markdown) {
        String text = read(markdown);
        Set<String> anchors = new TreeSet<>();
        Matcher explicit = ANCHOR.matcher(text);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
