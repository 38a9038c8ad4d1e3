package shopkb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import shopkb.analysis.TextNormalizer;
import shopkb.content.ContentSnapshot;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.indexing.Fields;

/**
 * Applies FAQ negative examples (反例, as in 店小蜜): when the message is closer to one of an FAQ's
 * negative examples than to the question it matched, that FAQ loses most of its score. Closeness is the
 * overlap of character bigrams, computed on the candidates only, so it needs no index and no statistics.
 */
final class NegativeExamples {

    /** A negative example must share at least this much of its bigrams with the message to count. */
    static final double MIN_SIMILARITY = 0.4;
    static final float PENALTY = 0.2f;
    /** Only the head of the ranking is checked; lower entries do not matter to the agent. */
    private static final int CANDIDATES = 20;

    private NegativeExamples() {
    }

    static List<SearchService.UnitHit> pushDown(String normalizedMessage, List<SearchService.UnitHit> hits,
                                                 ContentSnapshot snapshot) {
        Set<String> message = bigrams(normalizedMessage);
        boolean changed = false;
        var result = new java.util.ArrayList<>(hits);
        for (int i = 0; i < Math.min(CANDIDATES, result.size()); i++) {
            SearchService.UnitHit hit = result.get(i);
            Entry entry = snapshot.entry(hit.entryId());
            if (!(entry instanceof FaqEntry faq) || faq.negatives().isEmpty()) {
                continue;
            }
            String matched = hit.unit() == Fields.Unit.QUESTION ? faq.allQuestions().get(hit.unitIndex()) : faq.question();
            double positive = similarity(message, bigrams(TextNormalizer.normalize(matched)));
            double negative = faq.negatives().stream()
                    .mapToDouble(n -> similarity(message, bigrams(TextNormalizer.normalize(n)))).max().orElse(0);
            if (negative >= MIN_SIMILARITY && negative > positive) {
                result.set(i, new SearchService.UnitHit(hit.entryId(), hit.unit(), hit.unitIndex(), hit.score() * PENALTY));
                changed = true;
            }
        }
        if (changed) {
            result.sort((a, b) -> Float.compare(b.score(), a.score()));
        }
        return result;
    }

    /** Jaccard overlap of two bigram sets. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        var union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }

    /** Bigrams of letters, digits and Han characters; punctuation and spaces break them. */
    static Set<String> bigrams(String text) {
        var grams = new HashSet<String>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && Character.isLetterOrDigit(text.charAt(i + 1))) {
                grams.add(text.substring(i, i + 2));
            }
        }
        return grams;
    }
}
