package shopkb.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The answer to a search, best result first.
 *
 * @param total number of matching entries found (counted among the best-scoring units, so capped)
 * @param confident true only when the top result is a confident match for the message
 * @param confidence how much of the message the top result matches, 0 to 1 ({@code confident} is this over a threshold)
 * @param recommended the recommended phrasings of the first FAQ result (its {@code phrasingIds}) with their texts,
 *                    so the page shows them without a request per phrasing; empty when no FAQ result
 * @param queryId the id this search was logged under, for feedback on its results; null when not logged
 * @param own the searching agent's own phrasings for the message; null when the search has no agent (never logged)
 * @param pattern the message's pattern (see {@link BuyerQuery#pattern()}), which the usage log keys learning by; not
 *                sent: the log would otherwise parse every message a second time
 */
public record SearchResponse(String query, double tookMs, int total, boolean confident, double confidence,
                             List<SearchResult> results, List<RecommendedPhrasing> recommended, String queryId,
                             List<OwnPhrasingResult> own, @JsonIgnore String pattern) {

    public SearchResponse withQueryId(String id) {
        return new SearchResponse(query, tookMs, total, confident, confidence, results, recommended, id, own, pattern);
    }

    public SearchResponse withOwn(List<OwnPhrasingResult> ownPhrasings) {
        return new SearchResponse(query, tookMs, total, confident, confidence, results, recommended, queryId, ownPhrasings, pattern);
    }
}
