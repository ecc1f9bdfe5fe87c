package org.partnerprogram.renewal.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * The console's files, on the classpath under {@code console/}: a path names one of them, or it is
 * a page of the console (the console routes in the browser), which is index.html.
 */
final class ConsoleFiles {

    /** What one of the console's files is: its content type and its text. */
    record File(String contentType, String text) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private ConsoleFiles() {
    }

    /**
     * The file for a path below the console: one of its files, else the page (ids may contain
     * dots: o.v2). A missing file is a 404, never a fault.
     */
    static File forPath(String path) {
        String name = NAME.matcher(path).matches() ? path : "index.html";
        return new File(TYPES.get(name.substring(name.lastIndexOf('.') + 1)), read(name));
    }

    private static String read(String name) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw Problem.of(Problem.Kind.NOT_FOUND, "No such file.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
