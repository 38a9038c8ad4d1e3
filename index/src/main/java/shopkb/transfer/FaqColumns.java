package shopkb.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    /** The header written on export. */
    final String header;
    private final List<String> names;

    FaqColumns(String... names) {
        this.header = names[0];
        this.names = List.of(names);
    }

    /** This column's cell in a row, trimmed; empty when the column is absent. */
    String in(Map<String, String> row) {
        return row.entrySet().stream().filter(e -> names.stream().anyMatch(n -> n.equalsIgnoreCase(e.getKey())))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse("").strip();
    }

    /** Whether the sheet has this column at all (an absent column leaves the field as it was). */
    boolean presentIn(Map<String, String> row) {
        return row.keySet().stream().anyMatch(k -> names.stream().anyMatch(n -> n.equalsIgnoreCase(k)));
    }

    /** A cell holding several values: one per line, or separated by | ; 、 (and the full-width forms). */
    List<String> listIn(Map<String, String> row) {
        String cell = in(row);
        return cell.isEmpty() ? List.of() : Arrays.stream(cell.split("[\\r\\n|｜;；、]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> exportHeaders() {
        return List.of(ID.header, INTENT.header, SCENARIO.header, QUESTION.header, SIMILAR.header, ANSWER.header,
                NOTE.header, TAGS.header, PRODUCTS.header, NEGATIVES.header);
    }
}
