package shopkb.search;

import java.util.List;
import java.util.Map;

/**
 * Lifts entries that agents copied for the same message pattern, within a bound: an entry's score grows by
 * at most {@link #MAX_LIFT} of itself, so usage decides between near-equal answers but cannot carry an
 * answer that matches the words poorly above one that matches them well, nor bring in one the text did not find.
 */
final class LearnedLift {

    /** Largest share by which usage can raise a score. */
    static final double MAX_LIFT = 0.3;
    /** Lift per natural-log unit of votes: 1 vote +7%, 3 votes +14%, 20 or more the cap. */
    static final double LIFT_PER_LOG_VOTE = 0.1;

    private LearnedLift() {
    }

    static double lift(int votes) {
        return votes <= 0 ? 0 : Math.min(MAX_LIFT, LIFT_PER_LOG_VOTE * Math.log1p(votes));
    }

    static List<SearchService.UnitHit> apply(List<SearchService.UnitHit> hits, Map<String, Integer> votes) {
        if (votes.isEmpty()) {
            return hits;
        }
        return hits.stream()
                .map(h -> new SearchService.UnitHit(h.entryId(), h.unit(), h.unitIndex(),
                        (float) (h.score() * (1 + lift(votes.getOrDefault(h.entryId(), 0))))))
                .sorted((a, b) -> Float.compare(b.score(), a.score()))
                .toList();
    }
}
