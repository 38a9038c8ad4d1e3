package shopkb.search;

import java.util.Map;

/**
 * What agents did with earlier results for a message pattern (see {@link BuyerQuery#pattern()}): per entry id,
 * copies and "helpful" marks minus "not helpful" marks. Search lifts those entries within a bound.
 */
@FunctionalInterface
public interface UsageVotes {

    /** No learning: ranking from text alone. */
    UsageVotes NONE = pattern -> Map.of();

    Map<String, Integer> votesFor(String pattern);
}
