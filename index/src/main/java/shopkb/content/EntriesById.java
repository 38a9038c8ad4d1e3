package shopkb.content;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;

/**
 * Entries by id, for the look-ups of the search path (a few hundred per search): a frozen hash map, plus the changes
 * since it was frozen in a small persistent map (an empty value for a removal). A look-up is a hash probe or two, where
 * a persistent map of every entry walked a tree of 17 levels at 100,000 entries; a change copies nothing until the
 * changes outgrow a sixteenth of the frozen map, when they are folded in (so the copy costs each change a few entries).
 * Keys are interned, as the unit index interns the ids it reads: a look-up with an id read from the index then finds
 * the map's own key by identity ({@link String#equals} checks that first), where comparing two copies touched two more
 * cache lines on each of a search's look-ups. Immutable.
 */
public final class EntriesById {

    private static final int MIN_CHANGES_KEPT = 256;

    private final Map<String, Entry> frozen;
    private final HashPMap<String, Optional<Entry>> changes;

    private EntriesById(Map<String, Entry> frozen, HashPMap<String, Optional<Entry>> changes) {
        this.frozen = frozen;
        this.changes = changes;
    }

    public static EntriesById of(Map<String, Entry> entries) {
        return new EntriesById(interned(entries), HashTreePMap.empty());
    }

    private static Map<String, Entry> interned(Map<String, Entry> entries) {
        var keyed = new HashMap<String, Entry>(entries.size() * 2);
        entries.forEach((id, entry) -> keyed.put(id.intern(), entry));
        return Map.copyOf(keyed);
    }

    /** The entry of {@code id}, or null. */
    public Entry get(String id) {
        if (!changes.isEmpty()) {
            Optional<Entry> changed = changes.get(id);
            if (changed != null) {
                return changed.orElse(null);
            }
        }
        return frozen.get(id);
    }

    /** These entries with {@code entry} added or replaced. */
    public EntriesById with(Entry entry) {
        return after(changes.plus(entry.id().intern(), Optional.of(entry)));
    }

    /** These entries without the entry of {@code id}. */
    public EntriesById without(String id) {
        return after(changes.plus(id, Optional.empty()));
    }

    private EntriesById after(HashPMap<String, Optional<Entry>> next) {
        if (next.size() <= Math.max(MIN_CHANGES_KEPT, frozen.size() / 16)) {
            return new EntriesById(frozen, next);
        }
        var folded = new HashMap<>(frozen);
        next.forEach((id, entry) -> {
            if (entry.isPresent()) {
                folded.put(id, entry.get());
            } else {
                folded.remove(id);
            }
        });
        return new EntriesById(Map.copyOf(folded), HashTreePMap.empty()); // its keys are interned already
    }
}
