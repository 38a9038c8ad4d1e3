package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.transfer.ContentImporter;
import shopkb.transfer.ImportLimits;
import shopkb.transfer.TransferFormat;

/** A small hostile spreadsheet is refused within seconds instead of occupying the cores for minutes. */
class ImportLimitsTest {

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

    private static final String ROW = "<row><c t=\"inlineStr\"><is><t>包邮吗</t></is></c>"
            + "<c t=\"inlineStr\"><is><t>shipping.free-shipping</t></is></c></row>";

    /** The server's own export with its sheet replaced by a header and {@code rows} identical rows (compresses ~1000:1). */
    private byte[] xlsxWithRows(int rows) throws Exception {
        byte[] template = server.get("/api/export?format=xlsx").body();
        var out = new ByteArrayOutputStream();
        try (var in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(template)).get();
             var zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is><t>标准问题</t></is></c>"
                            + "<c t=\"inlineStr\"><is><t>意图</t></is></c></row>").getBytes(StandardCharsets.UTF_8));
                    byte[] row = ROW.getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < rows; i++) {
                        zip.write(row);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private TestServer.Reply dryRun(String format, byte[] data) throws Exception {
        return server.send("POST", "/api/import?format=" + format + "&dryRun=true", server.editorToken, null, data,
                Duration.ofSeconds(15));
    }

    @Test
    void aSpreadsheetThatExpandsToAMillionRowsIsRefusedWithinSeconds() throws Exception {
        byte[] bomb = xlsxWithRows(1_000_000);
        assertTrue(bomb.length < 1_000_000, "the bomb fits the old 1 MB body limit: " + bomb.length + " bytes");

        long start = System.nanoTime();
        TestServer.Reply reply = dryRun("xlsx", bomb);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(413, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals("import_too_large", reply.json().get("error").asText());
        assertEquals("body", reply.json().get("where").asText());
        assertTrue(millis < 5000, "refused after " + millis + " ms");
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefusedEvenWhenItIsNotABomb() throws Exception {
        var csv = new StringBuilder("标准问题,意图\n");
        for (int i = 0; i <= ImportLimits.MAX_ROWS; i++) {
            csv.append("问题").append(i).append(",shipping.carriers\n");
        }
        TestServer.Reply reply = dryRun("csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(413, reply.status());
        assertTrue(reply.json().get("message").asText().contains(String.valueOf(ImportLimits.MAX_ROWS)));
    }

    @Test
    void anImportThatRunsPastItsTimeBudgetIsStoppedAndWritesNothing() {
        // Rows without an intent: each needs a search to infer one, the slow path of a big sheet.
        var csv = new StringBuilder("标准问题,答案\n");
        for (int i = 0; i < ImportLimits.MAX_ROWS; i++) {
            csv.append("能发顺丰吗第").append(i).append("次问,可以\n");
        }
        var importer = new ContentImporter(server.kb(), Duration.ofMillis(300));
        long start = System.nanoTime();
        var refused = assertThrows(ImportLimits.TooLargeException.class, () ->
                importer.run(TransferFormat.CSV, csv.toString().getBytes(StandardCharsets.UTF_8), false, "test"));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "stopped soon after the budget");
        assertTrue(refused.getMessage().contains("意图"), refused.getMessage());
        assertTrue(server.kb().content().entries().values().stream().noneMatch(e -> e.id().contains("shipping.sf")
                && e.displayTitle().contains("次问")), "nothing was written");
    }

    @Test
    void aLegitimateSpreadsheetOfAFewThousandRowsIsStillImported() throws Exception {
        TestServer.Reply reply = dryRun("xlsx", xlsxWithRows(5_000));
        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals(5_000, reply.json().get("rows").asInt());
    }
}
