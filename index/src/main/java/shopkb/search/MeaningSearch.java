package shopkb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.content.ContentStore;
import shopkb.content.Entry;
import shopkb.indexing.Fields;
import shopkb.indexing.MeaningIndex;
import shopkb.indexing.MeaningUnits;
import shopkb.semantic.MessageVectors;

/**
 * The meaning signal: entries whose questions (or titles, sections) are nearest in meaning to the message, by the
 * cosine of their sentence vectors, whatever words they use.
 */
public final class MeaningSearch {

    /** Texts looked at per result asked for; several texts often belong to one FAQ. */
    private static final int TEXTS_PER_RESULT = 4;
    private static final int MIN_TEXTS = 40;

    /**
     * One entry found by meaning: its nearest unit, that unit's cosine similarity to the message, and the cosine of
     * the entry's next nearest text (0 when no other of its texts was among the nearest): an FAQ whose several
     * wordings all sit near the message is likelier the answer than one with a single near wording.
     */
    record Hit(String entryId, Fields.Unit unit, int unitIndex, float cosine, float secondCosine) {
    }

    private final MeaningIndex index;
    private final MessageVectors messages;

    public MeaningSearch(MeaningIndex index) {
        this.index = index;
        this.messages = new MessageVectors(index.encoder());
    }

    float[] vectorOf(String message) {
        return messages.of(message);
    }

    /** Entries nearest in meaning, best first, keeping the request's type and scenario filters. */
    List<Hit> nearest(float[] message, SearchRequest request, ContentStore.Snapshot snapshot) {
        int k = Math.max(MIN_TEXTS, TEXTS_PER_RESULT * request.limit());
        var best = new LinkedHashMap<String, Hit>();
        for (MeaningIndex.Neighbour neighbour : index.nearest(message, k)) {
            for (MeaningUnits.Unit unit : neighbour.units()) {
                if (unit.role() != MeaningUnits.Role.SEARCH) {
                    continue;
                }
                Hit known = best.get(unit.entryId());
                if (known != null) {
                    if (known.secondCosine() == 0f) {
                        best.put(unit.entryId(), new Hit(known.entryId(), known.unit(), known.unitIndex(), known.cosine(),
                                neighbour.similarity()));
                    }
                    continue;
                }
                Entry entry = snapshot.entry(unit.entryId());
                if (entry != null && accepts(request, entry)) {
                    best.put(unit.entryId(), new Hit(unit.entryId(), unit.unit(), unit.index(), neighbour.similarity(), 0f));
                }
            }
        }
        return new ArrayList<>(best.values());
    }

    /** Cosine of the message with one text of the knowledge base (NaN when that text has no vector). */
    float cosine(float[] message, String text) {
        return index.vectorOf(text).map(v -> MessageVectors.cosine(message, v)).orElse(Float.NaN);
    }

    private static boolean accepts(SearchRequest request, Entry entry) {
        return (request.types().isEmpty() || request.types().contains(entry.type()))
                && (request.scenario() == null || request.scenario().equals(entry.scenario()));
    }

    MeaningIndex index() {
        return index;
    }

    static Map<String, Hit> byEntry(List<Hit> hits) {
        var map = new LinkedHashMap<String, Hit>();
        hits.forEach(h -> map.put(h.entryId(), h));
        return map;
    }
}
