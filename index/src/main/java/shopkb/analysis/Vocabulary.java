package shopkb.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shopkb.content.ContentProblem;

/**
 * The shop vocabulary editors keep in {@code faq-content/vocabulary/}: synonym groups, internet spellings and
 * domain words that must stay whole. All terms are stored normalised (see {@link TextNormalizer}).
 *
 * @param synonyms each term to the other members of its group
 * @param spellings internet spelling to standard form, e.g. 木有 → 没有, in the order they are applied (longest first)
 * @param words domain words kept whole by segmentation (also every synonym of two or more characters)
 * @param problems bad lines, reported and skipped
 * @param fingerprint digest of the vocabulary files, part of the index's build fingerprint
 */
public record Vocabulary(Map<String, List<String>> synonyms, Map<String, String> spellings, Set<String> words,
                         List<ContentProblem> problems, String fingerprint) {

    public static final int MAX_WORD_CHARS = 8;

    public Vocabulary {
        synonyms = Map.copyOf(synonyms);
        // Map.copyOf would lose the order, and with it which of two overlapping spellings (没木有, 木有) applies.
        spellings = Collections.unmodifiableMap(new LinkedHashMap<>(spellings));
        words = Set.copyOf(words);
        problems = List.copyOf(problems);
    }

    /** {@code text} (normalised) with the internet spellings rewritten; see {@link Respelling}. */
    public String respell(String text) {
        return Respelling.of(text, spellings).text();
    }

    public static Vocabulary empty() {
        return new Vocabulary(Map.of(), Map.of(), Set.of(), List.of(), "none");
    }
}
