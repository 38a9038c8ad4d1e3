package shopkb.search;

import java.util.List;

/**
 * The answer to a search, best result first.
 *
 * @param total number of matching entries found (counted among the best-scoring units, so capped)
 * @param confident true only when the top result is a confident match for the message
 */
public record SearchResponse(String query, double tookMs, int total, boolean confident, List<SearchResult> results) {
}
