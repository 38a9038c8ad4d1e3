package shopkb.usage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shopkb.search.UsageVotes;

/**
 * Agents' votes per message pattern and entry, in memory for search to read without touching the database.
 * Bounded: past {@link #MAX_PATTERNS} patterns, new ones are not learned (existing ones still are).
 */
final class CopyVotes implements UsageVotes {

    static final int MAX_PATTERNS = 200_000;

    private final Map<String, Map<String, Integer>> votes = new ConcurrentHashMap<>();
    private final AtomicInteger patterns = new AtomicInteger();

    @Override
    public Map<String, Integer> votesFor(String pattern) {
        return pattern.isEmpty() ? Map.of() : votes.getOrDefault(pattern, Map.of());
    }

    void add(String pattern, String entryId, int vote) {
        if (pattern == null || pattern.isEmpty() || vote == 0) {
            return;
        }
        Map<String, Integer> perEntry = votes.get(pattern);
        if (perEntry == null) {
            if (patterns.get() >= MAX_PATTERNS) {
                return;
            }
            perEntry = votes.computeIfAbsent(pattern, p -> {
                patterns.incrementAndGet();
                return new ConcurrentHashMap<>();
            });
        }
        perEntry.merge(entryId, vote, Integer::sum);
    }

    void addAll(Map<String, Map<String, Integer>> loaded) {
        loaded.forEach((pattern, perEntry) -> perEntry.forEach((entry, vote) -> add(pattern, entry, vote)));
    }
}
