package shopkb.search;

/**
 * Switches and weights of the ranking chain, so the quality command can measure each component by
 * turning it off (ablation). {@link #full()} is what the server uses.
 *
 * @param bigrams score the character-bigram view beside the smartcn words
 * @param particleWeighting weight particles and filler down
 * @param fieldWeighting weight questions over titles over body text (off: all fields equal)
 */
public record RankingOptions(boolean bigrams, boolean particleWeighting, boolean fieldWeighting) {

    public static RankingOptions full() {
        return new RankingOptions(true, true, true);
    }

    /** Plain smartcn words with BM25, every field alike: the baseline. */
    public static RankingOptions baseline() {
        return new RankingOptions(false, false, false);
    }
}
