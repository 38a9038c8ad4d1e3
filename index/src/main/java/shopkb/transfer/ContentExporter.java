package shopkb.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;

/** Writes the knowledge base as JSON Lines (every entry) or as a spreadsheet of FAQ entries (CSV, .xlsx). */
public final class ContentExporter {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private ContentExporter() {
    }

    public static byte[] export(Collection<Entry> entries, TransferFormat format) {
        try {
            return switch (format) {
                case JSONL -> jsonLines(entries);
                case CSV -> csv(faqRows(entries));
                case XLSX -> xlsx(faqRows(entries));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jsonLines(Collection<Entry> entries) throws JsonProcessingException {
        var out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(JSON.writeValueAsString(entry)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<String>> faqRows(Collection<Entry> entries) {
        var rows = new ArrayList<List<String>>();
        rows.add(FaqColumns.exportHeaders());
        for (Entry entry : entries) {
            if (entry instanceof FaqEntry faq) {
                // Lists one item per line, under headers that say so: the importer then splits on line breaks only,
                // so an item holding 、 ; or | stays whole.
                rows.add(List.of(faq.id(), faq.intent(), faq.scenario(), faq.question(), String.join("\n", faq.similar()),
                        faq.answer(), faq.note() == null ? "" : faq.note(), String.join("\n", faq.tags()),
                        String.join("\n", faq.products()), String.join("\n", faq.negatives())));
            }
        }
        return rows;
    }

    /**
     * UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; no cell starts like a formula.
     * (The .xlsx export writes every cell as a string, which spreadsheet programs never evaluate.)
     */
    private static byte[] csv(List<List<String>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        var safe = rows.stream().map(row -> row.stream().map(FormulaGuard::neutralise).toList()).toList();
        new CsvMapper().writer(CsvSchema.emptySchema()).writeValues(out).writeAll(safe).close();
        return out.toByteArray();
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "shopkb", "1.0");
        Worksheet sheet = workbook.newWorksheet("FAQ");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.value(r, c, rows.get(r).get(c));
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
