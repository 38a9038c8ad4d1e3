package shopkb.search;

import java.util.Comparator;
import java.util.List;

/**
 * One ranking from two signals. Without meaning, entries rank by the lexical chain's score and confidence is the
 * share of the message the top result covers. With meaning, each candidate's score combines how it compares with
 * the best lexical match, how much of the message its text covers, and how close it is in meaning; the weights
 * were fitted on labelled messages ({@code ./kb fit-fusion}).
 */
final class RankFusion {

    /** A result at or above this confidence is flagged confident. */
    static final double CONFIDENT = 0.55;

    static final double W_SHARE = 1.0;
    static final double W_COVERAGE = 1.0;
    static final double W_COSINE = 4.0;

    private RankFusion() {
    }

    static List<SearchService.UnitHit> rank(List<Candidate> candidates, boolean meaning) {
        return candidates.stream()
                .map(c -> new SearchService.UnitHit(c.entryId(), c.unit(), c.unitIndex(), (float) score(c, meaning)))
                .sorted(Comparator.comparingDouble((SearchService.UnitHit h) -> h.score()).reversed())
                .toList();
    }

    static double score(Candidate c, boolean meaning) {
        if (!meaning) {
            return c.wordScore();
        }
        return Math.exp(W_SHARE * c.wordShare() + W_COVERAGE * c.coverage() + W_COSINE * c.cosine());
    }

    /** How sure the top result answers the message, 0 to 1. */
    static double confidence(Candidate top, boolean meaning) {
        return top == null ? 0 : top.coverage();
    }
}
