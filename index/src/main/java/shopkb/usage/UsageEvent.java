package shopkb.usage;

import java.time.Instant;
import java.util.List;

/** One thing to log, queued by the search path and written by the log's own thread. */
sealed interface UsageEvent {

    /**
     * A search as answered; {@code text} is the buyer's message unmasked (masked before it is stored), {@code pattern}
     * the one the search parsed from it (null: not known).
     */
    record Search(String queryId, Instant at, String text, List<String> resultIds, String topIntent, double confidence,
                  boolean confident, double latencyMs, String pattern) implements UsageEvent {
    }

    /** What an agent did with one result of a logged search. */
    record Feedback(String queryId, String resultId, FeedbackAction action, Instant at) implements UsageEvent {
    }
}
