package shopkb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.analysis.TextNormalizer;
import shopkb.content.Entry;
import shopkb.indexing.Fields;

/**
 * The IDF-weighted share of one message's information a text shows, prepared once per message: a search measures it
 * for every candidate it weighs (tens of texts), so the message's distinct terms, their weights and which synonym spans
 * stand for which term are worked out here, not again for each text.
 *
 * <p>A term counts as shown when the folded text contains it, or contains a synonym expansion whose span covers the
 * term's span; each full-weight term counts by its IDF (see {@link Confidence#idf}).
 */
final class MessageCoverage {

    /** The message's distinct term texts (words, then bigrams), in message order. */
    private final String[] texts;
    /** Per IDF-weighted term, in the IDF map's order (so the sums are those of a plain walk over the map): */
    private final double[] weights;
    /** ... the index of its text in {@link #texts} (-1: not among them, never shown) ... */
    private final int[] textOf;
    /** ... and the texts of the synonym expansions whose span covers it. */
    private final int[][] synonymsOf;
    private final double total;

    MessageCoverage(Map<QueryTerm, Double> idf, BuyerQuery query) {
        var index = new LinkedHashMap<String, Integer>();
        for (List<QueryTerm> side : List.of(query.words(), query.grams())) {
            for (QueryTerm term : side) {
                if (!term.text().isEmpty()) {
                    index.putIfAbsent(term.text(), index.size());
                }
            }
        }
        this.texts = index.keySet().toArray(String[]::new);
        var synonyms = new ArrayList<QueryTerm>();
        for (List<QueryTerm> side : List.of(query.words(), query.grams())) {
            side.stream().filter(t -> t.group() >= 0 && index.containsKey(t.text())).forEach(synonyms::add);
        }
        this.weights = new double[idf.size()];
        this.textOf = new int[idf.size()];
        this.synonymsOf = new int[idf.size()][];
        double sum = 0;
        int i = 0;
        for (Map.Entry<QueryTerm, Double> entry : idf.entrySet()) {
            QueryTerm term = entry.getKey();
            weights[i] = entry.getValue();
            sum += entry.getValue();
            textOf[i] = index.getOrDefault(term.text(), -1);
            synonymsOf[i] = synonyms.stream().filter(s -> s.start() <= term.start() && term.end() <= s.end())
                    .mapToInt(s -> index.get(s.text())).toArray();
            i++;
        }
        this.total = sum;
    }

    /** The share of the message's information the text shown for a unit of {@code entry} shows ({@link UnitText#shown}). */
    double ofUnit(Entry entry, Fields.Unit unit, int index) {
        return of(UnitText.shown(entry, unit, index));
    }

    /** The share of the message's information {@code text} shows, 0 to 1. */
    double of(String text) {
        String folded = TextNormalizer.fold(text);
        boolean[] shown = new boolean[texts.length];
        for (int i = 0; i < texts.length; i++) {
            shown[i] = folded.contains(texts[i]);
        }
        double covered = 0;
        for (int i = 0; i < weights.length; i++) {
            if (isShown(i, shown)) {
                covered += weights[i];
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private boolean isShown(int term, boolean[] shown) {
        if (textOf[term] >= 0 && shown[textOf[term]]) {
            return true;
        }
        for (int synonym : synonymsOf[term]) {
            if (shown[synonym]) {
                return true;
            }
        }
        return false;
    }
}
