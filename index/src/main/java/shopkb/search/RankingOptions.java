package shopkb.search;

import shopkb.analysis.AnalysisOptions;

/**
 * Switches of the ranking chain, so the quality command can measure each component by turning it off
 * (ablation). {@link #full()} is what the server uses.
 *
 * @param analysis normalisation and domain-word segmentation (these need their own index)
 * @param bigrams score the character-bigram view beside the smartcn words
 * @param pinyin score pinyin syllable pairs at a low weight, for homophone typos
 * @param synonyms expand the vocabulary's synonyms
 * @param spellings rewrite internet spellings (木有 → 没有)
 * @param particleWeighting weight particles, filler and sizes down
 * @param fieldWeighting weight questions over titles over body text (off: all fields equal)
 * @param negatives push down FAQ entries whose negative examples (反例) match the message
 * @param multiUnit add part of an entry's second-best matching question to its score
 * @param words rank by the lexical chain (off: meaning only)
 * @param meaning rank by meaning too, when a sentence model is loaded (off: words only)
 */
public record RankingOptions(AnalysisOptions analysis, boolean bigrams, boolean pinyin, boolean synonyms,
                             boolean spellings, boolean particleWeighting, boolean fieldWeighting, boolean negatives,
                             boolean multiUnit, boolean words, boolean meaning) {

    public static RankingOptions full() {
        return new RankingOptions(AnalysisOptions.full(), true, true, true, true, true, true, true, true, true, true);
    }

    /** Plain smartcn words with BM25 (best question per entry), every field alike, no normalisation: the baseline. */
    public static RankingOptions baseline() {
        return new RankingOptions(new AnalysisOptions(false, false), false, false, false, false, false, false, false, false,
                true, false);
    }

    /** These options with one component switched off, by its name in the quality table. */
    public RankingOptions without(String component) {
        return switch (component) {
            case "normalize" -> new RankingOptions(new AnalysisOptions(false, analysis.lexicon()), bigrams, pinyin,
                    synonyms, spellings, particleWeighting, fieldWeighting, negatives, multiUnit, words, meaning);
            case "lexicon" -> new RankingOptions(new AnalysisOptions(analysis.normalize(), false), bigrams, pinyin,
                    synonyms, spellings, particleWeighting, fieldWeighting, negatives, multiUnit, words, meaning);
            case "bigrams" -> new RankingOptions(analysis, false, pinyin, synonyms, spellings, particleWeighting,
                    fieldWeighting, negatives, multiUnit, words, meaning);
            case "pinyin" -> new RankingOptions(analysis, bigrams, false, synonyms, spellings, particleWeighting,
                    fieldWeighting, negatives, multiUnit, words, meaning);
            case "synonyms" -> new RankingOptions(analysis, bigrams, pinyin, false, spellings, particleWeighting,
                    fieldWeighting, negatives, multiUnit, words, meaning);
            case "spellings" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, false, particleWeighting,
                    fieldWeighting, negatives, multiUnit, words, meaning);
            case "particles" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, false,
                    fieldWeighting, negatives, multiUnit, words, meaning);
            case "fields" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, particleWeighting,
                    false, negatives, multiUnit, words, meaning);
            case "negatives" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, particleWeighting,
                    fieldWeighting, false, multiUnit, words, meaning);
            case "multiunit" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, particleWeighting,
                    fieldWeighting, negatives, false, words, meaning);
            case "words" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, particleWeighting,
                    fieldWeighting, negatives, multiUnit, false, meaning);
            case "meaning" -> new RankingOptions(analysis, bigrams, pinyin, synonyms, spellings, particleWeighting,
                    fieldWeighting, negatives, multiUnit, words, false);
            default -> throw new IllegalArgumentException("unknown ranking component: " + component);
        };
    }

    /** The lexical chain's components by name, each of which {@link #without} switches off. */
    public static final java.util.List<String> LEXICAL_COMPONENTS = java.util.List.of("normalize", "lexicon", "bigrams",
            "pinyin", "synonyms", "spellings", "particles", "fields", "negatives", "multiunit");
}
