package shopkb.indexing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of an entry (see {@link Fields}) as every engine indexes it: its keys and the text of each of
 * {@link Fields#TEXT_FIELDS} (empty when the unit has no such text).
 *
 * @param products the entry's product codes, lower-case
 * @param texts every text field, in the order of {@link Fields#TEXT_FIELDS}
 */
public record UnitDocument(String entryId, String type, String scenario, List<String> products, Fields.Unit unit, int index,
                           Map<String, String> texts) {

    public UnitDocument {
        products = List.copyOf(products);
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /**
     * A name of the unit unique in its index, {@code entry-id#unit#index}; an entry id never holds {@code #}. Engines
     * that address documents by id use it, and read the unit back from it with {@link #parseId}.
     */
    public String id() {
        return entryId + "#" + unit.ordinal() + "#" + index;
    }

    /** The entry, unit and position an {@link #id()} names. */
    public static UnitIndex.ScoredUnit parseId(String id, float score) {
        int second = id.lastIndexOf('#');
        int first = id.lastIndexOf('#', second - 1);
        if (first <= 0) {
            throw new IllegalArgumentException("not a unit id: " + id);
        }
        return new UnitIndex.ScoredUnit(id.substring(0, first), Fields.Unit.values()[Integer.parseInt(id.substring(first + 1, second))],
                Integer.parseInt(id.substring(second + 1)), score);
    }
}
