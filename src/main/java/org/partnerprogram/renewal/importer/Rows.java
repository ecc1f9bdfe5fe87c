package org.partnerprogram.renewal.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.partnerprogram.renewal.lambda.Json;

/**
 * The import file, one offer per row with its partner's fields, read row by row (a file of any
 * size never sits in memory). CSV (RFC 4180, a header line) or JSON Lines; either way a row
 * becomes one JSON object with the columns below, booleans as booleans.
 */
final class Rows implements Iterator<Rows.Row> {

    static final List<String> COLUMNS = List.of("partnerId", "partnerName", "migratedToPartnerCenter", "contacts", "language",
            "offerId", "type", "name", "area", "anniversaryDate", "requirementsMet", "feeAmount", "feeCurrency");
    private static final Set<String> BOOLEANS = Set.of("migratedToPartnerCenter", "requirementsMet");

    /** A row and the line it starts on; {@code error} is set when the line could not be read at all. */
    record Row(int line, ObjectNode fields, String error) {
    }

    enum Format { CSV, JSONL }

    private final BufferedReader in;
    private final Format format;
    private List<String> header;
    private int line;
    private Row next;

    Rows(BufferedReader in, Format format) {
        this.in = in;
        this.format = format;
    }

    static Format formatOf(String file) {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.JSONL;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    private Row read() {
        try {
            String text;
            do {
                text = in.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            return format == Format.JSONL ? jsonLine(text) : csvRow(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row jsonLine(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (!node.isObject()) {
                return new Row(line, null, "not a JSON object");
            }
            return new Row(line, (ObjectNode) node, null);
        } catch (IOException e) {
            return new Row(line, null, "not valid JSON");
        }
    }

    private Row csvRow(String first) throws IOException {
        int start = line;
        List<String> cells = new ArrayList<>();
        String error = cells(first, cells);
        if (header == null) {
            header = cells;
            if (!header.containsAll(List.of("partnerId", "offerId"))) {
                throw new IllegalArgumentException("line 1: the CSV header must name the columns " + COLUMNS);
            }
            return read();
        }
        if (error != null) {
            return new Row(start, null, error);
        }
        if (cells.size() != header.size()) {
            return new Row(start, null, "has " + cells.size() + " cells, the header " + header.size());
        }
        ObjectNode fields = Json.MAPPER.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue; // a missing value is reported by the validation, naming the field
            }
            if (BOOLEANS.contains(column) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                fields.put(column, Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
            } else {
                fields.put(column, value);
            }
        }
        return new Row(start, fields, null);
    }

    /** Splits one CSV record (which may span lines inside quotes); returns an error or null. */
    private String cells(String text, List<String> cells) throws IOException {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String rest = text;
        while (true) {
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < rest.length() && rest.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            if (!quoted) {
                cells.add(cell.toString().strip());
                return null;
            }
            rest = in.readLine();
            line++;
            if (rest == null) {
                return "a quoted cell is never closed";
            }
            cell.append('\n');
        }
    }
}
