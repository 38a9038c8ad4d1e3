package shopkb.indexing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Values kept per segment (per segment core: the same for every reader over it, whatever its deletions), each made on
 * first use and dropped when its segment closes.
 */
final class PerSegment<V> {

    private final Map<IndexReader.CacheKey, V> byCore = new ConcurrentHashMap<>();

    /**
     * The value kept for {@code leaf}'s segment, made by {@code make} on first use; made each time for a reader without a
     * core key (Lucene's segment readers all have one).
     */
    V get(LeafReader leaf, Supplier<V> make) {
        IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
        if (core == null) {
            return make.get();
        }
        return byCore.computeIfAbsent(core.getKey(), key -> {
            core.addClosedListener(byCore::remove);
            return make.get();
        });
    }
}
