package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheet exports are safe to open, and export → import gives back exactly what was exported. */
class SpreadsheetRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x.example\",\"点我\")",
            "+86 123", "-2+3", "@SUM(1,1)", "'=1+1", "''@x");

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

    private JsonNode importFile(String format, boolean dryRun, byte[] data) throws Exception {
        TestServer.Reply reply = server.send("POST", "/api/import?format=" + format + "&dryRun=" + dryRun, server.editorToken, null, data);
        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        return reply.json();
    }

    private void importFaqs(List<Map<String, Object>> faqs) throws Exception {
        var lines = new StringBuilder();
        for (Map<String, Object> faq : faqs) {
            lines.append(JSON.writeValueAsString(faq)).append('\n');
        }
        JsonNode report = importFile("jsonl", false, lines.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, report.get("rejected").size(), report.toString());
    }

    private static Map<String, Object> faq(String id, String question, List<String> similar, String answer, List<String> tags) {
        return Map.of("type", "faq", "id", id, "intent", "shipping.carriers", "scenario", "物流", "question", question,
                "similar", similar, "answer", answer, "tags", tags);
    }

    private static List<List<String>> csvCells(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        var rows = new ArrayList<List<String>>();
        try (var it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).<List<String>>readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private void assertEveryEntryComesBackUnchanged() throws Exception {
        for (String format : List.of("csv", "xlsx")) {
            byte[] exported = server.get("/api/export?format=" + format).body();
            JsonNode report = importFile(format, true, exported);
            assertEquals(0, report.get("created").size() + report.get("changed").size() + report.get("rejected").size(),
                    format + ": " + report);
        }
    }

    @Test
    void noCsvCellStartsLikeAFormulaAndTheRoundTripIsLossless() throws Exception {
        var faqs = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            String formula = FORMULAS.get(i);
            faqs.add(faq("faq.formula-" + i, formula, List.of(formula, "能发" + formula), formula + "\n第二行", List.of(formula)));
        }
        importFaqs(faqs);

        for (List<String> row : csvCells(server.get("/api/export?format=csv").body())) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "cell starts like a formula: " + cell);
            }
        }
        assertEveryEntryComesBackUnchanged();
        assertEquals(FORMULAS.get(0), server.get("/api/entries/faq.formula-0").json().get("question").asText());
    }

    @Test
    void similarQuestionsWithSeparatorsInThemSurviveTheRoundTrip() throws Exception {
        importFaqs(List.of(faq("faq.carriers-list", "申通、圆通能发吗", List.of("申通、圆通能发吗", "顺丰;还是京东", "要发|还是不发"),
                "可以", List.of("申通、圆通"))));
        assertEveryEntryComesBackUnchanged();
    }

    /** Awkward text of every kind that spreadsheets and separators trip on, in random combinations. */
    @Test
    void anyTextSurvivesTheRoundTrip() throws Exception {
        String[] pieces = {"包邮", "、", ";", "；", "|", "｜", ",", "，", "\"", "'", "=", "+", "-", "@", " ", "😀", "ｱ", "\\",
                "%", "<mark>", "{店铺名}", "１２３", "發貨", "a b"};
        var random = new Random(13);
        var faqs = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 40; i++) {
            var similar = new ArrayList<String>();
            for (int s = 0; s < 1 + random.nextInt(4); s++) {
                similar.add(awkward(random, pieces));
            }
            String answer = awkward(random, pieces) + (random.nextBoolean() ? "\n" + awkward(random, pieces) : "");
            faqs.add(faq("faq.awkward-" + i, awkward(random, pieces) + i, similar.stream().distinct().toList(), answer,
                    List.of(awkward(random, pieces))));
        }
        importFaqs(faqs);
        assertEveryEntryComesBackUnchanged();
    }

    private static String awkward(Random random, String[] pieces) {
        var text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? "问" : stripped;
    }
}
