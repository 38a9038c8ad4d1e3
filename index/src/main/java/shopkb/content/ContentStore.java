package shopkb.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content currently served, as an immutable snapshot that is swapped whole, so readers never see a
 * half-applied change and never lock.
 */
public final class ContentStore {

    /** Loaded content plus lookups derived from it once per snapshot. */
    public record Snapshot(LoadedContent content, Map<String, List<String>> phrasingIdsByIntent) {

        static Snapshot of(LoadedContent content) {
            var byIntent = new HashMap<String, List<String>>();
            for (Entry entry : content.entries().values()) {
                if (entry instanceof PhrasingEntry phrasing && phrasing.intent() != null) {
                    byIntent.computeIfAbsent(phrasing.intent(), k -> new ArrayList<>()).add(phrasing.id());
                }
            }
            byIntent.replaceAll((k, v) -> List.copyOf(v));
            return new Snapshot(content, Map.copyOf(byIntent));
        }

        public Entry entry(String id) {
            return content.entries().get(id);
        }

        public List<String> phrasingIdsFor(String intent) {
            return intent == null ? List.of() : phrasingIdsByIntent.getOrDefault(intent, List.of());
        }
    }

    private volatile Snapshot snapshot;

    public ContentStore(LoadedContent content) {
        this.snapshot = Snapshot.of(content);
    }

    public Snapshot current() {
        return snapshot;
    }

    public void replace(LoadedContent content) {
        this.snapshot = Snapshot.of(content);
    }
}
