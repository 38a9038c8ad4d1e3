package shopkb.quality;

import java.util.List;

/**
 * Ranking quality of one configuration over a labelled query set. Lines labelled {@link LabelledQuery#NONE} are
 * off-topic: no answer is right for them, and they count only in {@code offTopicConfident}.
 *
 * @param queries labelled (on-topic) queries; hit@1, hit@3, MRR and {@code confident} are shares of these
 * @param hitAt1 share of queries whose first result has the expected intent
 * @param mrr mean reciprocal rank of the first result with the expected intent (0 when absent from the top 10)
 * @param confident share of queries answered with {@code confident: true} and the right intent first
 * @param rightWhenConfident of the queries flagged confident, the share whose first result is right (NaN: none flagged)
 * @param rightOtherwise of the queries not flagged confident, the share whose first result is right (NaN: all flagged)
 * @param offTopic number of off-topic lines
 * @param offTopicConfident off-topic lines that were (wrongly) flagged confident
 * @param p50Millis median in-process latency of one search
 */
public record QualityReport(String name, int queries, double hitAt1, double hitAt3, double mrr, double confident,
                            double rightWhenConfident, double rightOtherwise, int offTopic, int offTopicConfident,
                            double p50Millis, double p99Millis, List<Miss> misses) {

    /** A query whose first result was not of the expected intent (or an off-topic line answered confidently). */
    public record Miss(String query, String expected, String got, int rank) {
    }
}
