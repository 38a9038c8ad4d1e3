package shopkb.usage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import shopkb.semantic.MessageVectors;

/**
 * Groups unanswered messages that ask the same thing: two patterns join when their words overlap by at least
 * half (Jaccard), when most character pairs of the shorter wording are in the longer one (catches
 * segmentation differences and added words: 开发票吗 / 可以开发票吗), or, when meaning vectors are at hand, when
 * they mean the same in other words (能开发票吗 / 报销凭证有吗). Greedy, most frequent first, so each group is
 * named by its commonest message.
 */
final class GapGrouper {

    static final double SAME_WORDS = 0.5;
    static final double SAME_PAIRS = 0.6;
    /** Wordings shorter than this many pairs (在吗) only join by words, or they would join everything. */
    static final int MIN_PAIRS = 3;
    /** Cosine from which two wordings are taken to ask the same thing. */
    static final double SAME_MEANING = 0.85;
    /** Only the most frequent wordings are compared by meaning: each unseen one costs an encode. */
    static final int MAX_BY_MEANING = 500;

    /** Unanswered searches sharing one pattern. */
    record PatternCount(String pattern, String example, long count, String topIntent) {
    }

    private GapGrouper() {
    }

    static List<Insight.GapGroup> group(List<PatternCount> patterns, int maxGroups) {
        return group(patterns, maxGroups, null);
    }

    /**
     * @param meaning the meaning vector of a wording, or null to group by words only
     */
    static List<Insight.GapGroup> group(List<PatternCount> patterns, int maxGroups, Function<String, float[]> meaning) {
        var groups = new ArrayList<Builder>();
        List<PatternCount> sorted = patterns.stream().sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            PatternCount p = sorted.get(i);
            Set<String> words = words(p);
            Set<String> pairs = pairs(p.example());
            float[] vector = meaning != null && i < MAX_BY_MEANING
                    ? meaning.apply(PersonalDataMasker.withoutMasks(p.example())) : null;
            Builder joined = null;
            for (Builder group : groups) {
                if (jaccard(words, group.words) >= SAME_WORDS || overlap(pairs, group.pairs) >= SAME_PAIRS
                        || (vector != null && group.vector != null && MessageVectors.cosine(vector, group.vector) >= SAME_MEANING)) {
                    joined = group;
                    break;
                }
            }
            if (joined == null) {
                joined = new Builder(words, pairs, vector);
                groups.add(joined);
            }
            joined.add(p);
        }
        return groups.stream().map(Builder::build).sorted((a, b) -> Long.compare(b.count(), a.count()))
                .limit(maxGroups).toList();
    }

    private static Set<String> words(PatternCount p) {
        return p.pattern().isEmpty() ? Set.of() : Set.of(p.pattern().split(" "));
    }

    /** Character pairs of the wording, punctuation and masks left out. */
    static Set<String> pairs(String text) {
        String han = PersonalDataMasker.withoutMasks(text).replaceAll("[^\\p{IsHan}\\p{IsLatin}\\d]+", " ");
        var pairs = new HashSet<String>();
        for (String run : han.split(" ")) {
            for (int i = 0; i + 2 <= run.length(); i++) {
                pairs.add(run.substring(i, i + 2));
            }
        }
        return pairs;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** Share of the smaller set found in the larger. */
    static double overlap(Set<String> a, Set<String> b) {
        if (Math.min(a.size(), b.size()) < MIN_PAIRS) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        return (double) small.stream().filter(large::contains).count() / small.size();
    }

    private static final class Builder {
        final Set<String> words;
        final Set<String> pairs;
        /** The meaning vector of the group's first (commonest) wording, or null. */
        final float[] vector;
        final List<PatternCount> members = new ArrayList<>();

        Builder(Set<String> words, Set<String> pairs, float[] vector) {
            this.words = words;
            this.pairs = pairs;
            this.vector = vector;
        }

        void add(PatternCount p) {
            members.add(p);
        }

        Insight.GapGroup build() {
            long count = members.stream().mapToLong(PatternCount::count).sum();
            Map<String, Long> intents = new LinkedHashMap<>();
            members.stream().filter(m -> m.topIntent() != null).forEach(m -> intents.merge(m.topIntent(), m.count(), Long::sum));
            String intent = intents.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            List<String> variants = members.stream().map(PatternCount::example).distinct().limit(5).toList();
            return new Insight.GapGroup(members.getFirst().example(), count, variants, intent);
        }
    }
}
