package shopkb.transfer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reads a spreadsheet (CSV or .xlsx) into rows keyed by the header cells, with spreadsheet row numbers. */
final class TableReader {

    /** One data row; {@code number} is the row number the editor sees (the header is row 1). */
    record TableRow(int number, Map<String, String> cells) {
    }

    private TableReader() {
    }

    static List<TableRow> csv(byte[] data) throws IOException {
        String text = decode(data);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        var rows = new ArrayList<TableRow>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(text)) {
            List<String> header = null;
            int number = 0;
            while (it.hasNext()) {
                List<String> cells = it.next().stream().map(FormulaGuard::restore).toList();
                number++;
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                ImportLimits.countRow(rows.size() + 1);
                rows.add(new TableRow(number, zip(header, cells)));
            }
        }
        return rows;
    }

    static List<TableRow> xlsx(byte[] data) throws IOException {
        ImportLimits.checkExpandedSize(data);
        var rows = new ArrayList<TableRow>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(data));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            List<String> header = null;
            for (Row row : (Iterable<Row>) sheet::iterator) {
                var cells = new ArrayList<String>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellAsString(i).orElse(""));
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                ImportLimits.countRow(rows.size() + 1);
                rows.add(new TableRow(row.getRowNum(), zip(header, cells)));
            }
        } catch (ImportLimits.TooLargeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("not a readable .xlsx file: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Map<String, String> zip(List<String> header, List<String> cells) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "");
        }
        return map;
    }

    /** UTF-8 (with or without BOM) when valid, else GB18030, which Chinese Excel uses for "CSV". */
    private static String decode(byte[] data) throws CharacterCodingException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        }
    }
}
