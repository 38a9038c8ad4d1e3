package shopkb.usage;

import java.util.List;
import shopkb.transfer.FormulaGuard;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The insight tables as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right). */
public final class InsightCsv {

    /** Table names, as in the export URL. */
    public static final List<String> TABLES = List.of("top-queries", "gaps", "never-copied", "phrasing-copy-rates", "intent-volume");

    private InsightCsv() {
    }

    public static String write(Insight insight, String table) {
        Stream<List<Object>> rows = switch (table) {
            case "top-queries" -> Stream.concat(Stream.of(List.<Object>of("pattern", "example", "count", "confident_share")),
                    insight.topQueries().stream().map(q -> List.<Object>of(q.pattern(), q.example(), q.count(), q.confidentShare())));
            case "gaps" -> Stream.concat(Stream.of(List.<Object>of("example", "count", "variants", "suggested_intent")),
                    insight.gaps().stream().map(g -> List.<Object>of(g.example(), g.count(), String.join(" | ", g.variants()),
                            g.suggestedIntent() == null ? "" : g.suggestedIntent())));
            case "never-copied" -> Stream.concat(Stream.of(List.<Object>of("id", "type", "title", "shown")),
                    insight.neverCopied().stream().map(u -> List.<Object>of(u.id(), u.type(), u.title(), u.shown())));
            case "phrasing-copy-rates" -> Stream.concat(Stream.of(List.<Object>of("id", "title", "shown", "copied", "copy_rate")),
                    insight.phrasingCopyRates().stream().map(p -> List.<Object>of(p.id(), p.title(), p.shown(), p.copied(), p.copyRate())));
            case "intent-volume" -> Stream.concat(Stream.of(List.<Object>of("intent", "day", "searches")),
                    insight.intentVolume().stream().map(v -> List.<Object>of(v.intent(), v.day(), v.searches())));
            default -> throw new IllegalArgumentException("unknown insight table: " + table);
        };
        return "\uFEFF" + rows.map(row -> row.stream().map(InsightCsv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** Quotes a cell when needed; text that starts like a formula is marked so a spreadsheet never runs it. */
    private static String cell(Object value) {
        String text = value instanceof Number ? String.valueOf(value) : FormulaGuard.neutralise(String.valueOf(value));
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
