package org.partnerprogram.renewal.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.local.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The bulk import against DynamoDB Local, through its command line. */
class BulkImportTest {

    static LocalDynamo dynamoLocal;
    static String endpoint;
    static DynamoDbClient dynamo;
    String table;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDynamo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dynamoLocal = LocalDynamo.start(port);
        endpoint = "http://127.0.0.1:" + port;
        dynamo = Standalone.dynamo(endpoint);
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
        dynamoLocal.close();
    }

    @BeforeEach
    void freshTable() {
        table = "import-" + UUID.randomUUID();
        LocalDynamo.createTable(dynamo, table);
    }

    record Result(int exit, List<String> lines) {
    }

    Result importFile(Path file, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[options.length + 5];
        System.arraycopy(options, 0, args, 0, options.length);
        System.arraycopy(new String[] {"--endpoint", endpoint, "--table", table, file.toString()}, 0, args, options.length, 5);
        int exit = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/import", name);
    }

    long offersStored() {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("entity = :offer")
                        .expressionAttributeValues(Map.of(":offer", AttributeValue.fromS("OFFER"))))
                .stream().mapToLong(page -> page.count()).sum();
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndTheGoodRowsAreImported() {
        Result result = importFile(resource("mixed.csv"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).containsSubsequence(
                "line 3: anniversaryDate: is not a calendar date: 2021-02-30",
                "line 4: type: must be COMPETENCY or ADVANCED_SPECIALIZATION",
                "line 5: offer adatum/cloud-platform is a duplicate of line 2",
                "line 6: partner adatum: its fields differ from line 2",
                "line 7: requirementsMet: must be true or false",
                "line 8: offerId: must be 1 to 128 letters, digits, '.', '_' or '-'",
                "line 9: feeAmount: is required",
                "line 12: row: has 5 cells, the header 11",
                "offers:   created 2, updated 0, unchanged 0, rejected 8",
                "partners: created 2, updated 0, unchanged 0");
        assertThat(offersStored()).isEqualTo(2);
    }

    /** D18 through the import: contacts ("Name <email>; email" in CSV, a list in JSON Lines) and language. */
    @Test
    void contactsAndLanguageAreImportedFromCsvAndJsonLines() {
        for (String sample : new String[] {"data/sample-import.csv", "data/sample-import.jsonl"}) {
            freshTable();
            assertThat(importFile(Path.of(sample)).lines()).contains("partners: created 2, updated 0, unchanged 0");
            Map<String, AttributeValue> adatum = item("PARTNER#adatum", "PROFILE");
            assertThat(adatum.get("contacts").l()).extracting(c -> c.m().get("email").s())
                    .containsExactly("ana.lima@adatum.example", "renewals@adatum.example");
            assertThat(adatum.get("contacts").l().get(0).m().get("name").s()).isEqualTo("Ana Lima");
            assertThat(adatum.get("language").s()).isEqualTo("en");
            Map<String, AttributeValue> tailspin = item("PARTNER#tailspin", "PROFILE");
            assertThat(tailspin.get("contacts").l().get(0).m().get("name").s()).isEqualTo("李娜");
            assertThat(tailspin.get("language").s()).isEqualTo("zh-CN");
        }
    }

    @Test
    void aBadContactIsReportedWithItsColumn() throws IOException {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, String.join("\n",
                "partnerId,partnerName,migratedToPartnerCenter,contacts,language,offerId,type,name,area,anniversaryDate,requirementsMet,feeAmount,feeCurrency",
                "adatum,Adatum,true,ana@adatum.example; ANA@adatum.example,en,o1,COMPETENCY,Gold,Cloud Platform,2021-03-17,true,1.00,USD",
                "tailspin,Tailspin,true,li.na@tailspin,en,o1,COMPETENCY,Gold,Cloud Platform,2021-03-17,true,1.00,USD",
                "contoso,Contoso,true,,fr,o1,COMPETENCY,Gold,Cloud Platform,2021-03-17,true,1.00,USD"));
        assertThat(importFile(file).lines()).anyMatch(l -> l.startsWith("line 2: contacts[1].email:"))
                .anyMatch(l -> l.startsWith("line 3: contacts[0].email:"))
                .anyMatch(l -> l.startsWith("line 4: language:"));
    }

    /** What Excel's "CSV UTF-8" writes: a byte order mark, CRLF line ends, quotes where a cell needs them. */
    @Test
    void anExcelCsvWithAByteOrderMarkAndCrlfImportsAndABadQuoteIsRefusedByLine() {
        Result result = importFile(resource("excel-utf8.csv"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.lines()).filteredOn(line -> line.startsWith("line ")).singleElement()
                .satisfies(line -> assertThat(line).startsWith("line 3: row: not valid CSV: ").contains("'x'"));
        assertThat(result.lines()).contains("offers:   created 3, updated 0, unchanged 0, rejected 1",
                "partners: created 1, updated 0, unchanged 0");
        Map<String, AttributeValue> offer = item("PARTNER#fabrikam", "OFFER#cloud-platform");
        assertThat(offer.get("name").s()).as("a quoted cell keeps its spaces").isEqualTo("Gold Cloud Platform ");
        assertThat(offer.get("area").s()).as("an unquoted cell is trimmed").isEqualTo("Cloud Platform");
        assertThat(offer.get("requirementsMet").bool()).isTrue();
        assertThat(item("PARTNER#fabrikam", "PROFILE").get("name").s()).isEqualTo("  Fabrikam, Inc. ");
        assertThat(item("PARTNER#fabrikam", "OFFER#apps")).as("the row after the multi-line cell").isNotEmpty();
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() {
        Result result = importFile(resource("mixed.csv"), "--dry-run");
        assertThat(result.lines()).contains("offers:   created 2, updated 0, unchanged 0, rejected 8");
        assertThat(result.lines().get(result.lines().size() - 1)).endsWith("dry run: nothing was written");
        assertThat(offersStored()).isZero();
    }

    @Test
    void aSecondRunChangesNothing() {
        importFile(resource("mixed.csv"));
        Result again = importFile(resource("mixed.csv"));
        assertThat(again.lines()).contains("offers:   created 0, updated 0, unchanged 2, rejected 8",
                "partners: created 0, updated 0, unchanged 2");
    }

    @Test
    void aChangedRowIsAnUpdate() throws IOException {
        importFile(resource("mixed.csv"));
        Path changed = dir.resolve("changed.csv");
        Files.writeString(changed, String.join("\n", Files.readAllLines(resource("mixed.csv")).get(0),
                "adatum,Adatum Corporation,true,cloud-platform,COMPETENCY,Gold Cloud Platform,Cloud Platform,2021-03-17,true,4730,USD"));
        Result result = importFile(changed);
        assertThat(result.exit()).isZero();
        assertThat(result.lines()).contains("offers:   created 0, updated 1, unchanged 0, rejected 0",
                "partners: created 0, updated 0, unchanged 1");
    }

    @Test
    void jsonLinesAndCsvImportTheSame() throws IOException {
        Path jsonl = dir.resolve("rows.jsonl");
        Files.writeString(jsonl, """
                {"partnerId":"adatum","partnerName":"Adatum Corporation","migratedToPartnerCenter":true,"offerId":"cloud-platform","type":"COMPETENCY","name":"Gold Cloud Platform","area":"Cloud Platform","anniversaryDate":"2021-03-17","requirementsMet":false,"feeAmount":"4730.00","feeCurrency":"USD"}
                {"partnerId":"adatum","partnerName":"Adatum Corporation","migratedToPartnerCenter":true,"offerId":"security","type":"COMPETENCY","name":"Silver Security","area":"Security","anniversaryDate":"2021-02-30","requirementsMet":true,"feeAmount":"1670.00","feeCurrency":"USD"}
                not json
                """);
        Result result = importFile(jsonl);
        assertThat(result.lines()).containsSubsequence("line 2: anniversaryDate: is not a calendar date: 2021-02-30",
                "line 3: row: not valid JSON", "offers:   created 1, updated 0, unchanged 0, rejected 2");
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, Files.readAllLines(resource("mixed.csv")).get(0)
                + "\nadatum,Adatum Corporation,true,cloud-platform,COMPETENCY,Gold Cloud Platform,Cloud Platform,2021-03-17,false,4730.00,USD\n");
        assertThat(importFile(csv).lines()).contains("offers:   created 0, updated 0, unchanged 1, rejected 0");
    }

    @Test
    void tenThousandRowsImportCompletely() throws IOException {
        Path big = dir.resolve("big.csv");
        StringBuilder rows = new StringBuilder(Files.readAllLines(resource("mixed.csv")).get(0)).append('\n');
        for (int i = 0; i < 10_000; i++) {
            rows.append("partner-").append(i / 4).append(",Partner ").append(i / 4).append(",true,offer-").append(i)
                    .append(",COMPETENCY,Gold Cloud Platform,Cloud Platform,2021-0").append(1 + i % 6).append("-15,true,4730.00,USD\n");
        }
        Files.writeString(big, rows);
        long started = System.nanoTime();
        Result result = importFile(big);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.exit()).isZero();
        assertThat(result.lines()).contains("offers:   created 10000, updated 0, unchanged 0, rejected 0",
                "partners: created 2500, updated 0, unchanged 0");
        assertThat(offersStored()).isEqualTo(10_000);
        System.out.printf("BulkImportTest: 10,000 rows imported in %.1f s (%,.0f rows/s)%n", seconds, 10_000 / seconds);
    }

    @Test
    void aMissingFileIsAFatalError() {
        assertThat(importFile(dir.resolve("nothing.csv")).exit()).isEqualTo(1);
    }

    @Test
    void aFormatTheCommandDoesNotKnowIsAUsageMistakeSaidByNameAndNothingIsWritten() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(new String[] {"--endpoint", endpoint, "--table", table, "--format", "xml",
            resource("mixed.csv").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--format must be csv or jsonl, not xml")
                .contains("usage: ImportCommand");
        assertThat(offersStored()).isZero();
    }
}
