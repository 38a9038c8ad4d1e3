package shopkb.usage;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.LoadedContent;
import shopkb.content.PhrasingEntry;

/** Builds the {@link Insight} report from the usage tables and the current content. */
final class InsightQueries {

    static final int MAX_ROWS = 200;

    private final UsageStore store;
    private final ZoneId zone;
    private final java.util.function.Function<String, float[]> meaning;

    /**
     * @param meaning the meaning vector of a message, for grouping gaps; null to group them by words only
     */
    InsightQueries(UsageStore store, ZoneId zone, java.util.function.Function<String, float[]> meaning) {
        this.store = store;
        this.zone = zone;
        this.meaning = meaning;
    }

    Insight report(int days, Instant now, LoadedContent content) throws SQLException {
        long since = now.minusSeconds(days * 86_400L).toEpochMilli();
        var totals = store.query("SELECT COUNT(*), COALESCE(SUM(confident), 0) FROM searches WHERE at >= ?", since).getFirst();
        Map<String, Long> shown = shownCounts(since);
        return new Insight(days, totals.number(0), totals.number(1), topQueries(since), gaps(since),
                neverCopied(since, content, shown), phrasingCopyRates(since, content, shown), intentVolume(since, now));
    }

    private List<Insight.TopQuery> topQueries(long since) throws SQLException {
        var rows = store.query("""
                SELECT pattern, COUNT(*) AS n, AVG(confident),
                  (SELECT query FROM searches s2 WHERE s2.pattern = s.pattern AND s2.at >= ?
                   GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT 1)
                FROM searches s WHERE at >= ? GROUP BY pattern ORDER BY n DESC, pattern LIMIT ?""", since, since, MAX_ROWS);
        return rows.stream().map(r -> new Insight.TopQuery(r.text(0), r.text(3), r.number(1), round(r.decimal(2)))).toList();
    }

    private List<Insight.GapGroup> gaps(long since) throws SQLException {
        var rows = store.query("""
                SELECT pattern, COUNT(*) AS n,
                  (SELECT query FROM searches s2 WHERE s2.pattern = s.pattern AND s2.at >= ? AND s2.confident = 0
                   GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT 1),
                  (SELECT top_intent FROM searches s3 WHERE s3.pattern = s.pattern AND s3.at >= ? AND s3.confident = 0
                   AND s3.top_intent IS NOT NULL GROUP BY top_intent ORDER BY COUNT(*) DESC LIMIT 1)
                FROM searches s WHERE at >= ? AND confident = 0 GROUP BY pattern ORDER BY n DESC LIMIT 2000""",
                since, since, since);
        var patterns = rows.stream().map(r -> new GapGrouper.PatternCount(r.text(0), r.text(2), r.number(1), r.text(3))).toList();
        return GapGrouper.group(patterns, MAX_ROWS, meaning);
    }

    private List<Insight.UnusedEntry> neverCopied(long since, LoadedContent content, Map<String, Long> shown)
            throws SQLException {
        var copied = new java.util.HashSet<String>();
        store.query("SELECT DISTINCT entry_id FROM feedback WHERE action = 'copied' AND at >= ?", since)
                .forEach(r -> copied.add(r.text(0)));
        var unused = new ArrayList<Insight.UnusedEntry>();
        for (Entry entry : content.entries().values()) {
            if ((entry instanceof FaqEntry || entry instanceof PhrasingEntry) && !copied.contains(entry.id())) {
                unused.add(new Insight.UnusedEntry(entry.id(), entry.type().folder(), title(entry), shown.getOrDefault(entry.id(), 0L)));
            }
        }
        unused.sort(Comparator.comparingLong(Insight.UnusedEntry::shown).reversed().thenComparing(Insight.UnusedEntry::id));
        return unused.stream().limit(MAX_ROWS).toList();
    }

    private List<Insight.PhrasingUse> phrasingCopyRates(long since, LoadedContent content, Map<String, Long> shown)
            throws SQLException {
        var copies = new HashMap<String, Long>();
        store.query("SELECT entry_id, COUNT(*) FROM feedback WHERE action = 'copied' AND at >= ? GROUP BY entry_id", since)
                .forEach(r -> copies.put(r.text(0), r.number(1)));
        var uses = new ArrayList<Insight.PhrasingUse>();
        for (Entry entry : content.entries().values()) {
            if (entry instanceof PhrasingEntry phrasing) {
                long s = shown.getOrDefault(phrasing.id(), 0L);
                long c = copies.getOrDefault(phrasing.id(), 0L);
                uses.add(new Insight.PhrasingUse(phrasing.id(), phrasing.title(), s, c, s == 0 ? 0 : round((double) c / s)));
            }
        }
        uses.sort(Comparator.comparingLong(Insight.PhrasingUse::shown).reversed().thenComparing(Insight.PhrasingUse::id));
        return uses.stream().limit(MAX_ROWS).toList();
    }

    private List<Insight.IntentDay> intentVolume(long since, Instant now) throws SQLException {
        long offsetSeconds = zone.getRules().getOffset(now).getTotalSeconds();
        var rows = store.query("""
                SELECT top_intent, strftime('%Y-%m-%d', at / 1000 + ?, 'unixepoch') AS day, COUNT(*)
                FROM searches WHERE at >= ? AND top_intent IS NOT NULL
                GROUP BY top_intent, day ORDER BY day, top_intent""", offsetSeconds, since);
        return rows.stream().map(r -> new Insight.IntentDay(r.text(0), r.text(1), r.number(2))).toList();
    }

    private Map<String, Long> shownCounts(long since) throws SQLException {
        var shown = new HashMap<String, Long>();
        for (UsageStore.Row row : store.query("SELECT result_ids FROM searches WHERE at >= ? AND result_ids IS NOT NULL", since)) {
            for (String id : row.text(0).split(UsageStore.RESULT_ID_SEPARATOR)) {
                shown.merge(id, 1L, Long::sum);
            }
        }
        store.query("SELECT entry_id, COUNT(*) FROM search_results WHERE at >= ? GROUP BY entry_id", since)
                .forEach(r -> shown.merge(r.text(0), r.number(1), Long::sum));
        return shown;
    }

    private static String title(Entry entry) {
        return switch (entry) {
            case FaqEntry faq -> faq.question();
            case PhrasingEntry phrasing -> phrasing.title();
            default -> entry.id();
        };
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
