package shopkb.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import shopkb.content.ContentProblem;

/**
 * The shop vocabulary editors keep in {@code faq-content/vocabulary/}: synonym groups, internet spellings and
 * domain words that must stay whole. All terms are stored normalised (see {@link TextNormalizer}).
 *
 * @param synonyms each term to the other members of its group
 * @param spellings internet spelling to standard form, e.g. 木有 → 没有
 * @param words domain words kept whole by segmentation (also every synonym of two or more characters)
 * @param problems bad lines, reported and skipped
 * @param fingerprint digest of the vocabulary files, part of the index's build fingerprint
 */
public record Vocabulary(Map<String, List<String>> synonyms, Map<String, String> spellings, Set<String> words,
                         List<ContentProblem> problems, String fingerprint) {

    public static final int MAX_WORD_CHARS = 8;

    public Vocabulary {
        synonyms = Map.copyOf(synonyms);
        spellings = Map.copyOf(spellings);
        words = Set.copyOf(words);
        problems = List.copyOf(problems);
    }

    public static Vocabulary empty() {
        return new Vocabulary(Map.of(), Map.of(), Set.of(), List.of(), "none");
    }
}
