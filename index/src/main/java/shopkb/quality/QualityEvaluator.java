package shopkb.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.SearchResult;
import shopkb.search.SearchService;

/** Runs labelled queries through a search service and measures hit@1, hit@3, MRR and latency. */
public final class QualityEvaluator {

    private static final int DEPTH = 10;
    private static final int WARMUP_ROUNDS = 20;
    private static final int TIMED_ROUNDS = 10;

    private QualityEvaluator() {
    }

    public static QualityReport evaluate(String name, SearchService service, List<LabelledQuery> queries) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            queries.forEach(q -> service.search(SearchRequest.of(q.query(), DEPTH)));
        }
        double hits1 = 0;
        double hits3 = 0;
        double reciprocal = 0;
        double confident = 0;
        var misses = new ArrayList<QualityReport.Miss>();
        for (LabelledQuery q : queries) {
            SearchResponse response = service.search(SearchRequest.of(q.query(), DEPTH));
            int rank = rankOf(q.intent(), response.results());
            if (rank == 1) {
                hits1++;
                if (response.confident()) {
                    confident++;
                }
            }
            if (rank >= 1 && rank <= 3) {
                hits3++;
            }
            if (rank >= 1) {
                reciprocal += 1.0 / rank;
            }
            if (rank != 1) {
                String got = response.results().isEmpty() ? "(nothing)" : describe(response.results().getFirst());
                misses.add(new QualityReport.Miss(q.query(), q.intent(), got, rank));
            }
        }
        System.gc(); // garbage left by building the previous configuration's index must not land in this one's timing
        double[] latencies = new double[queries.size() * TIMED_ROUNDS];
        int i = 0;
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (LabelledQuery q : queries) {
                long start = System.nanoTime();
                service.search(SearchRequest.of(q.query(), DEPTH));
                latencies[i++] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(latencies);
        int n = Math.max(1, queries.size());
        return new QualityReport(name, queries.size(), hits1 / n, hits3 / n, reciprocal / n, confident / n,
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
