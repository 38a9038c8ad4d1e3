package shopkb.search;

import java.util.Set;
import shopkb.content.EntryType;

/**
 * A search as asked by an agent or a tool.
 *
 * @param types entry types to keep; empty means all
 * @param scenario scenario to keep (售前, 物流, ...), or null for all
 * @param productCode the product the buyer is looking at, lifted in the ranking, or null
 */
public record SearchRequest(String text, int limit, Set<EntryType> types, String scenario, String productCode) {

    public static final int MAX_LIMIT = 50;

    public SearchRequest {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public static SearchRequest of(String text, int limit) {
        return new SearchRequest(text, limit, Set.of(), null, null);
    }
}
