package shopkb.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.SearchResult;
import shopkb.search.SearchService;

/** Runs labelled queries through a search service and measures hit@1, hit@3, MRR, confidence and latency. */
public final class QualityEvaluator {

    private static final int DEPTH = 10;
    /** Searches run before measuring (so the JIT has compiled the search path) and timed, whatever the set's size. */
    private static final int WARMUP_SEARCHES = 1200;
    private static final int TIMED_SEARCHES = 600;

    private QualityEvaluator() {
    }

    public static QualityReport evaluate(String name, SearchService service, List<LabelledQuery> queries) {
        int n = Math.max(1, queries.size());
        for (int i = 0; i < Math.max(n, WARMUP_SEARCHES); i++) {
            service.search(SearchRequest.of(queries.get(i % n).query(), DEPTH));
        }
        int labelled = 0;
        double hits1 = 0;
        double hits3 = 0;
        double reciprocal = 0;
        int confident = 0;
        int confidentRight = 0;
        int otherRight = 0;
        int offTopic = 0;
        int offTopicConfident = 0;
        var misses = new ArrayList<QualityReport.Miss>();
        for (LabelledQuery q : queries) {
            SearchResponse response = service.search(SearchRequest.of(q.query(), DEPTH));
            String got = response.results().isEmpty() ? "(nothing)" : describe(response.results().getFirst());
            if (q.offTopic()) {
                offTopic++;
                if (response.confident()) {
                    offTopicConfident++;
                    misses.add(new QualityReport.Miss(q.query(), "(no confident answer)", got, -1));
                }
                continue;
            }
            labelled++;
            int rank = rankOf(q.intent(), response.results());
            if (response.confident()) {
                confident++;
            }
            if (rank == 1) {
                hits1++;
                if (response.confident()) {
                    confidentRight++;
                } else {
                    otherRight++;
                }
            }
            if (rank >= 1 && rank <= 3) {
                hits3++;
            }
            if (rank >= 1) {
                reciprocal += 1.0 / rank;
            }
            if (rank != 1) {
                misses.add(new QualityReport.Miss(q.query(), q.intent(), got, rank));
            }
        }
        System.gc(); // garbage left by building the previous configuration's index must not land in this one's timing
        int timed = Math.max(n, TIMED_SEARCHES);
        double[] latencies = new double[timed];
        for (int i = 0; i < timed; i++) {
            long start = System.nanoTime();
            service.search(SearchRequest.of(queries.get(i % n).query(), DEPTH));
            latencies[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(latencies);
        int m = Math.max(1, labelled);
        return new QualityReport(name, labelled, hits1 / m, hits3 / m, reciprocal / m, (double) confidentRight / m,
                confident == 0 ? Double.NaN : (double) confidentRight / confident,
                labelled == confident ? Double.NaN : (double) otherRight / (labelled - confident),
                offTopic, offTopicConfident, percentile(latencies, 0.50), percentile(latencies, 0.99), misses);
    }

    private static int rankOf(String intent, List<SearchResult> results) {
        for (int i = 0; i < results.size(); i++) {
            if (Objects.equals(intent, results.get(i).intent())) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String describe(SearchResult result) {
        return (result.intent() == null ? "-" : result.intent()) + " (" + result.type() + " " + result.id() + ")";
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
