package shopkb.usage;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.KnowledgeBase;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.UsageVotes;

/**
 * Offline evaluation of learning: replays one logged day's searches, in order, against the current content,
 * with learning off and on. A search counts when an agent copied (or marked helpful) one of its results: that
 * entry is the answer wanted. Learning starts from the votes of earlier days and takes in the day's own
 * feedback as the replay passes it, as the live server would.
 */
public final class ReplayEvaluation {

    /** hit@1 without and with learning over the day's labelled searches. */
    public record Result(LocalDate day, int searches, double hitAt1Off, double hitAt1On, int improved, int worsened) {
    }

    private ReplayEvaluation() {
    }

    /**
     * @param learnFromDays how many days before {@code day} learning's starting votes come from (the retention)
     */
    public static Result run(KnowledgeBase kb, UsageStore store, int learnFromDays, LocalDate day, ZoneId zone)
            throws SQLException {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        var votes = new CopyVotes();
        votes.addAll(store.votesSince(start.minus(Duration.ofDays(learnFromDays)), start));

        record Labelled(String query, String pattern, String wanted, List<String[]> feedback) {
        }
        var searches = new LinkedHashMap<String, Labelled>();
        for (UsageStore.Row row : store.query("""
                SELECT s.id, s.query, s.pattern, f.entry_id, f.action FROM searches s JOIN feedback f ON f.search_id = s.id
                WHERE s.at >= ? AND s.at < ? ORDER BY s.at, f.at""", start.toEpochMilli(), end.toEpochMilli())) {
            Labelled labelled = searches.computeIfAbsent(row.text(0),
                    id -> new Labelled(row.text(1), row.text(2), null, new ArrayList<>()));
            String action = row.text(4);
            if (labelled.wanted() == null && ("copied".equals(action) || "helpful".equals(action))) {
                labelled = new Labelled(labelled.query(), labelled.pattern(), row.text(3), labelled.feedback());
                searches.put(row.text(0), labelled);
            }
            labelled.feedback().add(new String[] {row.text(3), action});
        }
        int counted = 0;
        int hitsOff = 0;
        int hitsOn = 0;
        int improved = 0;
        int worsened = 0;
        for (Labelled search : searches.values()) {
            if (search.wanted() != null) {
                SearchRequest request = SearchRequest.of(search.query(), 10);
                boolean off = top(kb.search(request, UsageVotes.NONE)).equals(search.wanted());
                boolean on = top(kb.search(request, votes)).equals(search.wanted());
                counted++;
                hitsOff += off ? 1 : 0;
                hitsOn += on ? 1 : 0;
                improved += on && !off ? 1 : 0;
                worsened += off && !on ? 1 : 0;
            }
            for (String[] event : search.feedback()) {
                FeedbackAction.fromWireName(event[1]).ifPresent(a -> votes.add(search.pattern(), event[0], a.vote()));
            }
        }
        return new Result(day, counted, counted == 0 ? 0 : (double) hitsOff / counted,
                counted == 0 ? 0 : (double) hitsOn / counted, improved, worsened);
    }

    private static String top(SearchResponse response) {
        return response.results().isEmpty() ? "" : response.results().getFirst().id();
    }

    /** Per-day counts of labelled searches, to help pick a day to replay. */
    public static Map<String, Long> labelledDays(UsageStore store, ZoneId zone) throws SQLException {
        long offset = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
        var days = new LinkedHashMap<String, Long>();
        for (UsageStore.Row row : store.query("""
                SELECT strftime('%Y-%m-%d', s.at / 1000 + ?, 'unixepoch') AS day, COUNT(DISTINCT s.id)
                FROM searches s JOIN feedback f ON f.search_id = s.id GROUP BY day ORDER BY day""", offset)) {
            days.put(row.text(0), row.number(1));
        }
        return days;
    }
}
