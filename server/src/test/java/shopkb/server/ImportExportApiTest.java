package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shop teams keep their FAQ in Excel: import (dry run first, then all or nothing) and export. */
class ImportExportApiTest {

    @TempDir
    Path tmp;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TestServer.Reply importFile(String format, boolean dryRun, byte[] data) throws Exception {
        return server.send("POST", "/api/import?format=" + format + "&dryRun=" + dryRun, server.editorToken, null, data);
    }

    private static List<Integer> rows(JsonNode list) {
        var rows = new ArrayList<Integer>();
        list.forEach(r -> rows.add(r.get("row").asInt()));
        return rows;
    }

    private static final String CSV = """
            标准问题,相似问法,答案,分类,意图
            可以发极兔吗,"极兔快递能发吗
            能走极兔吗","亲,可以发极兔快递哦",物流,shipping.carriers
            退货运费谁出,,,售后,aftersale.quality-complaint
            能开发票吗,开票吗,"亲,可以开发票",售中,no.such-intent
            """;

    @Test
    void csvDryRunListsCreatedAndRejectedRowsWithReasonsAndWritesNothing() throws Exception {
        TestServer.Reply reply = importFile("csv", true, CSV.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, reply.status());
        JsonNode report = reply.json();
        assertTrue(report.get("dryRun").asBoolean());
        assertFalse(report.get("applied").asBoolean());
        assertEquals(List.of(2), rows(report.get("created")));
        // Row numbers are those the editor sees in the spreadsheet: the multi-line cell is still row 2.
        assertEquals(List.of(3, 4), rows(report.get("rejected")));
        assertEquals("answer", report.get("rejected").get(0).get("problems").get(0).get("field").asText());
        assertEquals("intent", report.get("rejected").get(1).get("problems").get(0).get("field").asText());
        try (var files = Files.list(server.content.resolve("faq"))) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void aRealImportWithARejectedRowWritesNothingAndAnswers422() throws Exception {
        TestServer.Reply reply = importFile("csv", false, CSV.getBytes(StandardCharsets.UTF_8));

        assertEquals(422, reply.status());
        assertFalse(reply.json().get("applied").asBoolean());
        assertEquals(0, server.get("/api/search?q=%E6%9E%81%E5%85%94").json().get("results").size());
        try (var files = Files.list(server.content.resolve("faq"))) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void aCleanCsvImportCreatesSearchableEntriesAndAReimportChangesNothing() throws Exception {
        String clean = """
                标准问题,相似问法,答案,分类,意图
                可以发极兔吗,极兔快递能发吗|能走极兔吗,"亲,可以发极兔快递哦",物流,shipping.carriers
                """;

        TestServer.Reply first = importFile("csv", false, clean.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status());
        assertTrue(first.json().get("applied").asBoolean());
        String id = first.json().get("created").get(0).get("id").asText();
        assertTrue(Files.exists(server.content.resolve("faq/" + id + ".yaml")));
        assertEquals(id, server.get("/api/search?q=%E8%83%BD%E8%B5%B0%E6%9E%81%E5%85%94%E5%90%97").json().get("results").get(0).get("id").asText());
        assertEquals("import", server.get("/api/entries/" + id + "/history").json().get(0).get("action").asText());

        TestServer.Reply again = importFile("csv", true, clean.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2), rows(again.json().get("unchanged")));
    }

    @Test
    void aMissingIntentIsInferredWhenTheQuestionMatchesConfidently() throws Exception {
        String noIntent = "标准问题,答案\n你们发什么快递啊,\"亲,默认申通圆通\"\n";

        JsonNode report = importFile("csv", true, noIntent.getBytes(StandardCharsets.UTF_8)).json();

        assertEquals(1, report.get("created").size());
        assertTrue(report.get("created").get(0).get("note").asText().contains("shipping.carriers"));
    }

    @Test
    void gbkEncodedCsvFromChineseExcelIsRead() throws Exception {
        String clean = "标准问题,答案,分类,意图\n可以发极兔吗,亲，可以发极兔快递哦,物流,shipping.carriers\n";

        JsonNode report = importFile("csv", true, clean.getBytes("GB18030")).json();

        assertEquals(1, report.get("created").size());
    }

    @Test
    void xlsxImportWithGoodAndBadRows() throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("FAQ");
        String[][] cells = {
                {"标准问题", "相似问法", "答案", "分类", "意图"},
                {"可以发极兔吗", "极兔快递能发吗\n能走极兔吗", "亲,可以发极兔快递哦", "物流", "shipping.carriers"},
                {"", "", "没有问题的行", "物流", "shipping.carriers"}};
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                sheet.value(r, c, cells[r][c]);
            }
        }
        workbook.finish();

        JsonNode dry = importFile("xlsx", true, out.toByteArray()).json();
        assertEquals(List.of(2), rows(dry.get("created")));
        assertEquals(List.of(3), rows(dry.get("rejected")));
        assertEquals(422, importFile("xlsx", false, out.toByteArray()).status());
    }

    @Test
    void jsonLinesImportCarriesEveryTypeAndReportsBadLinesByNumber() throws Exception {
        String jsonl = """
                {"type":"phrasing","id":"phr.jitu","scenario":"物流","title":"极兔","text":"亲,可以发极兔哦"}
                {"type":"product","id":"product.1801-999","code":"1801-999","name":"新款T恤","scenario":"售前"}
                not json
                {"type":"faq","id":"faq.incomplete"}
                """;

        JsonNode dry = importFile("jsonl", true, jsonl.getBytes(StandardCharsets.UTF_8)).json();
        assertEquals(List.of(1, 2), rows(dry.get("created")));
        assertEquals(List.of(3, 4), rows(dry.get("rejected")));

        String good = jsonl.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
        TestServer.Reply applied = importFile("jsonl", false, good.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, applied.status());
        assertEquals(200, server.get("/api/entries/product.1801-999").status());
    }

    @Test
    void unreadableFilesAndBadParametersAreClear400s() throws Exception {
        assertEquals("unreadable_file", importFile("xlsx", true, "not a zip".getBytes()).json().get("error").asText());
        assertEquals("format", server.send("POST", "/api/import?format=doc", server.editorToken, null, "x".getBytes()).json().get("where").asText());
        assertEquals(401, server.send("POST", "/api/import?format=csv", null, null, CSV.getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void exportsJsonLinesCsvAndXlsxThatImportBackUnchanged() throws Exception {
        TestServer.Reply jsonl = server.get("/api/export?format=jsonl");
        assertEquals(9, new String(jsonl.body(), StandardCharsets.UTF_8).lines().count());

        TestServer.Reply csv = server.get("/api/export?format=csv");
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("标准问题"));

        TestServer.Reply xlsx = server.get("/api/export?format=xlsx");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(6, workbook.getFirstSheet().read().size());
        }
        for (String format : List.of("jsonl", "csv", "xlsx")) {
            byte[] exported = server.get("/api/export?format=" + format).body();
            JsonNode report = importFile(format, true, exported).json();
            assertEquals(0, report.get("created").size() + report.get("changed").size() + report.get("rejected").size(),
                    format + ": " + report);
        }
    }
}
