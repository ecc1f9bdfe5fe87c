package org.partnerprogram.renewal.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.partnerprogram.renewal.lambda.Json;

/**
 * The import file, one offer per row with its partner's fields, read row by row (a file of any
 * size never sits in memory). CSV (RFC 4180 with a header line, read by jackson-dataformat-csv:
 * quoted cells keep their spaces and may span lines; CRLF or LF; a UTF-8 byte order mark, as Excel
 * writes, is skipped) or JSON Lines; either way a row becomes one JSON object with the columns
 * below, booleans as booleans.
 */
final class Rows implements Iterator<Rows.Row> {

    static final List<String> COLUMNS = List.of("partnerId", "partnerName", "migratedToPartnerCenter", "offerId", "type",
            "name", "area", "anniversaryDate", "requirementsMet", "feeAmount", "feeCurrency");
    private static final Set<String> BOOLEANS = Set.of("migratedToPartnerCenter", "requirementsMet");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Unquoted cells are trimmed; quoted ones are kept as written. Blank lines are skipped. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.TRIM_SPACES, CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** A row and the line it starts on; {@code error} is set when the line could not be read at all. */
    record Row(int line, ObjectNode fields, String error) {
    }

    enum Format { CSV, JSONL }

    private final BufferedReader in;
    private final MappingIterator<List<String>> csv;
    private List<String> header;
    private int line;
    private Row next;

    Rows(BufferedReader in, Format format) throws IOException {
        skipByteOrderMark(in);
        this.in = in;
        this.csv = format == Format.CSV ? CSV.readerForListOf(String.class).readValues(in) : null;
        if (csv != null) {
            Cells first = nextCells();
            header = first == null || first.error() != null ? List.of() : first.cells();
            if (!header.containsAll(List.of("partnerId", "offerId"))) {
                throw new IllegalArgumentException("line 1: the CSV header must name the columns " + COLUMNS);
            }
        }
    }

    static Format formatOf(String file) {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.JSONL;
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != BYTE_ORDER_MARK) {
            in.reset();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = csv != null ? csvRow() : jsonLine();
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

    private Row jsonLine() {
        try {
            String text;
            do {
                text = in.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            JsonNode node = Json.MAPPER.readTree(text);
            if (!node.isObject()) {
                return new Row(line, null, "not a JSON object");
            }
            return new Row(line, (ObjectNode) node, null);
        } catch (JsonProcessingException e) {
            return new Row(line, null, "not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row csvRow() {
        Cells record = nextCells();
        if (record == null) {
            return null;
        }
        return record.error() != null ? new Row(record.line(), null, record.error()) : fields(record.line(), record.cells());
    }

    /** One CSV record as read: its first line, and its cells or why it could not be read. */
    private record Cells(int line, List<String> cells, String error) {
    }

    /**
     * The next CSV record (null at the end). A record the parser refuses (text after a closing
     * quote, a quote never closed) is reported with its line; the parser goes on at the next line.
     */
    private Cells nextCells() {
        int start = 0;
        try {
            if (!csv.hasNextValue()) {
                return null;
            }
            start = csv.getCurrentLocation().getLineNr();
            return new Cells(start, csv.nextValue(), null);
        } catch (JsonProcessingException e) {
            int at = e.getLocation() != null ? e.getLocation().getLineNr() : start;
            if (at <= line) {
                throw new IllegalArgumentException("line " + at + ": the CSV cannot be read past this point: " + e.getOriginalMessage());
            }
            line = at;
            return new Cells(at, null, "not valid CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row fields(int start, List<String> cells) {
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
}
