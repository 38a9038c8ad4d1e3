package shopkb.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import shopkb.KnowledgeBase;
import shopkb.search.SearchRequest;

/**
 * What a search by words costs by the number of clauses its message makes (a clause: a term in one field): each message
 * of the mix searched a few times, its fastest kept, grouped by its clause count in tens. Lucene walks each clause's
 * postings, so the time follows the clauses far more than the number of units a message matches.
 */
final class ClauseCosts {

    /** Passes over the messages; each message keeps its fastest, so a slow moment of the machine counts once at most. */
    static final int PASSES = 3;
    /** Messages of this many clauses or more share the last row. */
    static final int LAST_ROW = 60;

    /** Messages of {@code fromClauses} to {@code fromClauses + 9} clauses: how many, their mean time, their share of all. */
    record Row(int fromClauses, int messages, double meanMicros, double share) {
    }

    private ClauseCosts() {
    }

    /** Times every message on {@code kb} (already warm), prints the table and returns its rows. */
    static List<Row> measure(KnowledgeBase kb, List<String> messages, PrintStream out) {
        List<SearchRequest> requests = messages.stream().map(message -> SearchRequest.of(message, 10)).toList();
        int[] clauses = new int[requests.size()];
        double[] micros = new double[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            clauses[i] = kb.searchService().wordsQuery(requests.get(i)).clauses().size();
            micros[i] = Double.MAX_VALUE;
        }
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < requests.size(); i++) {
                long start = System.nanoTime();
                kb.search(requests.get(i));
                micros[i] = Math.min(micros[i], (System.nanoTime() - start) / 1e3);
            }
        }
        List<Row> rows = rows(clauses, micros);
        out.printf("%n== a search by words by its number of clauses (the words row's index, each message's fastest of %d) ==%n", PASSES);
        String row = "%-8s %9s %10s %9s%n";
        out.printf(row, "clauses", "messages", "µs/search", "of time");
        for (Row r : rows) {
            String label = r.fromClauses() >= LAST_ROW ? LAST_ROW + "+" : r.fromClauses() + "-" + (r.fromClauses() + 9);
            out.printf(row, label, r.messages(), "%.0f".formatted(r.meanMicros()), "%.1f%%".formatted(100 * r.share()));
        }
        return rows;
    }

    /** Groups messages by clause count in tens (the last row open-ended), lowest first. */
    static List<Row> rows(int[] clauses, double[] micros) {
        var groups = new TreeMap<Integer, double[]>();
        double total = 0;
        for (int i = 0; i < clauses.length; i++) {
            double[] group = groups.computeIfAbsent(Math.min(clauses[i] / 10 * 10, LAST_ROW), from -> new double[2]);
            group[0]++;
            group[1] += micros[i];
            total += micros[i];
        }
        var rows = new ArrayList<Row>();
        for (var group : groups.entrySet()) {
            double[] g = group.getValue();
            rows.add(new Row(group.getKey(), (int) g[0], g[1] / g[0], total == 0 ? 0 : g[1] / total));
        }
        return rows;
    }
}
