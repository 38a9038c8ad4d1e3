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
        var tally = new Tally();
        var misses = new ArrayList<QualityReport.Miss>();
        for (LabelledQuery q : queries) {
            SearchResponse response = service.search(SearchRequest.of(q.query(), DEPTH));
            String got = response.results().isEmpty() ? "(nothing)" : describe(response.results().getFirst());
            if (q.offTopic()) {
                tally.offTopic(response.confident());
                if (response.confident()) {
                    misses.add(new QualityReport.Miss(q.query(), "(no confident answer)", got, -1));
                }
                continue;
            }
            int rank = rankOf(q.intent(), response.results());
            tally.labelled(rank, response.confident());
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
        return new QualityReport(name, tally.labelled(), tally.hitAt1(), tally.hitAt3(), tally.mrr(), tally.confidentRight(),
                tally.rightWhenConfident(), tally.rightOtherwise(), tally.offTopicLines(), tally.offTopicConfident(),
                percentile(latencies, 0.50), percentile(latencies, 0.99), misses);
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
