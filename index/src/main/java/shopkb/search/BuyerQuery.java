package shopkb.search;

import java.util.List;

/**
 * A buyer message understood for search. The text is never interpreted as query syntax.
 *
 * @param normalized the folded text that was analysed (personal numbers and product codes removed)
 * @param meaningText the text the sentence model reads: spellings rewritten, personal numbers removed, punctuation
 *                    kept
 * @param words smartcn words
 * @param grams character bigrams
 * @param pinyin pinyin syllable pairs
 * @param productCodes product codes named in the message, e.g. 1712-102
 * @param sizes sizes named in the message (175, xl, l码)
 * @param ignored phone and order numbers recognised and kept out of the search
 */
public record BuyerQuery(
        String original,
        String normalized,
        String meaningText,
        List<QueryTerm> words,
        List<QueryTerm> grams,
        List<QueryTerm> pinyin,
        List<String> productCodes,
        List<String> sizes,
        List<String> ignored) {

    /**
     * What the message asks, as its full-weight words (no particles, sizes or synonym expansions), distinct and
     * sorted: 「能便宜点吗」 and 「亲 能便宜点吗」 share a pattern. Learning from agents' copies is keyed by it.
     */
    public String pattern() {
        return words.stream().filter(w -> w.weight() >= 1f && w.group() < 0).map(QueryTerm::text).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public boolean isEmpty() {
        return words.isEmpty() && grams.isEmpty() && productCodes.isEmpty();
    }
}
