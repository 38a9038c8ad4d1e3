package shopkb.quality;

import java.util.List;

/**
 * Ranking quality of one configuration over a labelled query set.
 *
 * @param hitAt1 share of queries whose first result has the expected intent
 * @param mrr mean reciprocal rank of the first result with the expected intent (0 when absent from the top 10)
 * @param confident share of queries answered with {@code confident: true} and the right intent first
 * @param p50Millis median in-process latency of one search
 */
public record QualityReport(String name, int queries, double hitAt1, double hitAt3, double mrr, double confident,
                            double p50Millis, double p99Millis, List<Miss> misses) {

    /** A query whose first result was not of the expected intent. */
    public record Miss(String query, String expected, String got, int rank) {
    }
}
