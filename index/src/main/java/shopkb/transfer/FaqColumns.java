package shopkb.transfer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The spreadsheet columns an FAQ maps to, with the header names shop teams use (Chinese or English). */
enum FaqColumns {
    ID("ID", "id", "编号"),
    INTENT("意图", "intent"),
    SCENARIO("分类", "场景", "scenario"),
    QUESTION("标准问题", "问题", "question"),
    SIMILAR("相似问法", "相似问题", "similar"),
    ANSWER("答案", "回答", "answer"),
    NOTE("备注", "客服提示", "note"),
    TAGS("标签", "tags"),
    PRODUCTS("商品", "商品编码", "products"),
    NEGATIVES("反例", "negatives"),
    TYPE("类型", "type");

    /** Marks an exported list column: one item per line, nothing else separates items. */
    private static final String ONE_PER_LINE = "(每行一个)";
    private static final Set<FaqColumns> LISTS = EnumSet.of(SIMILAR, NEGATIVES, TAGS, PRODUCTS);

    /** The header as shop teams write it. */
    final String header;
    private final List<String> names;

    FaqColumns(String... names) {
        this.header = names[0];
        this.names = List.of(names);
    }

    private boolean named(String key) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(key) || (n + ONE_PER_LINE).equalsIgnoreCase(key));
    }

    /** This column's cell in a row, trimmed; empty when the column is absent. */
    String in(Map<String, String> row) {
        return row.entrySet().stream().filter(e -> named(e.getKey()))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse("").strip();
    }

    /** Whether the sheet has this column at all (an absent column leaves the field as it was). */
    boolean presentIn(Map<String, String> row) {
        return row.keySet().stream().anyMatch(this::named);
    }

    /**
     * A cell holding several values: one per line, or separated by | ; 、 (and the full-width forms) as people
     * type them. Under an exported header ("相似问法(每行一个)") only line breaks separate, so exported items
     * come back whole whatever they contain.
     */
    List<String> listIn(Map<String, String> row) {
        String cell = in(row);
        boolean linesOnly = row.keySet().stream().anyMatch(k -> names.stream().anyMatch(n -> (n + ONE_PER_LINE).equalsIgnoreCase(k)));
        return cell.isEmpty() ? List.of() : Arrays.stream(cell.split(linesOnly ? "[\\r\\n]+" : "[\\r\\n|｜;；、]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The header written on export. */
    String exportHeader() {
        return LISTS.contains(this) ? header + ONE_PER_LINE : header;
    }

    static List<String> exportHeaders() {
        return java.util.stream.Stream.of(ID, INTENT, SCENARIO, QUESTION, SIMILAR, ANSWER, NOTE, TAGS, PRODUCTS, NEGATIVES)
                .map(FaqColumns::exportHeader).toList();
    }
}
