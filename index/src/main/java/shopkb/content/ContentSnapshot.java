package shopkb.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content a shop serves at one moment, with lookups derived from it: immutable, swapped whole by its one owner
 * ({@link shopkb.indexing.ServedContent}), so readers never see a half-applied change and never lock.
 */
public record ContentSnapshot(LoadedContent content, EntriesById entriesById, Map<String, List<String>> phrasingIdsByIntent,
                              Map<String, String> productIdByCode, Map<String, String> phrasingIdByShortcut) {

    /** The snapshot of freshly loaded content (every lookup built by one pass over the entries). */
    public static ContentSnapshot of(LoadedContent content) {
        var byIntent = new HashMap<String, List<String>>();
        var codes = new HashMap<String, String>();
        var shortcuts = new HashMap<String, String>();
        for (Entry entry : content.entries().values()) {
            if (entry instanceof PhrasingEntry phrasing) {
                if (phrasing.intent() != null) {
                    byIntent.computeIfAbsent(phrasing.intent(), k -> new ArrayList<>()).add(phrasing.id());
                }
                if (phrasing.shortcut() != null) {
                    shortcuts.putIfAbsent(phrasing.shortcut(), phrasing.id());
                }
            } else if (entry instanceof ProductEntry product) {
                codes.put(product.code(), product.id());
            }
        }
        byIntent.replaceAll((k, v) -> List.copyOf(v));
        return new ContentSnapshot(content, EntriesById.of(content.entries()), Map.copyOf(byIntent), Map.copyOf(codes),
                Map.copyOf(shortcuts));
    }

    /** This snapshot after one entry changed ({@code previous} replaced by {@code changed}; either may be null), without rescanning the others. */
    public ContentSnapshot after(LoadedContent next, Entry previous, Entry changed) {
        Map<String, List<String>> byIntent = phrasingIdsByIntent;
        Map<String, String> shortcuts = phrasingIdByShortcut;
        if (previous instanceof PhrasingEntry || changed instanceof PhrasingEntry) {
            var shortcutCopy = new HashMap<>(phrasingIdByShortcut);
            if (previous instanceof PhrasingEntry p && p.shortcut() != null) {
                shortcutCopy.remove(p.shortcut(), p.id());
            }
            if (changed instanceof PhrasingEntry p && p.shortcut() != null) {
                shortcutCopy.putIfAbsent(p.shortcut(), p.id());
            }
            shortcuts = Map.copyOf(shortcutCopy);
            var copy = new HashMap<String, List<String>>();
            phrasingIdsByIntent.forEach((intent, ids) -> copy.put(intent, new ArrayList<>(ids)));
            if (previous instanceof PhrasingEntry p && p.intent() != null) {
                copy.getOrDefault(p.intent(), new ArrayList<>()).remove(p.id());
            }
            if (changed instanceof PhrasingEntry p && p.intent() != null) {
                List<String> ids = copy.computeIfAbsent(p.intent(), k -> new ArrayList<>());
                ids.add(p.id());
                ids.sort(null);
            }
            copy.values().removeIf(List::isEmpty);
            copy.replaceAll((k, v) -> List.copyOf(v));
            byIntent = Map.copyOf(copy);
        }
        Map<String, String> codes = productIdByCode;
        if (previous instanceof ProductEntry || changed instanceof ProductEntry) {
            var copy = new HashMap<>(productIdByCode);
            if (previous instanceof ProductEntry p) {
                copy.remove(p.code(), p.id());
            }
            if (changed instanceof ProductEntry p) {
                copy.put(p.code(), p.id());
            }
            codes = Map.copyOf(copy);
        }
        EntriesById byId = entriesById;
        if (previous != null) {
            byId = byId.without(previous.id());
        }
        if (changed != null) {
            byId = byId.with(changed);
        }
        return new ContentSnapshot(next, byId, byIntent, codes, shortcuts);
    }

    /**
     * The entry of {@code id}, or null. Not from the content's id-ordered map: a search looks up a few hundred entries,
     * and that map compares long ids at every level of its tree (6% of a search's CPU).
     */
    public Entry entry(String id) {
        return entriesById.get(id);
    }

    /** The product codes of the content. */
    public Set<String> productCodes() {
        return productIdByCode.keySet();
    }

    public List<String> phrasingIdsFor(String intent) {
        return intent == null ? List.of() : phrasingIdsByIntent.getOrDefault(intent, List.of());
    }
}
