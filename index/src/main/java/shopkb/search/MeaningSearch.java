package shopkb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.content.ContentSnapshot;
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
    private final MessageVectors.Scoped messages;

    /** @param messages this shop's remembered message vectors */
    public MeaningSearch(MeaningIndex index, MessageVectors.Scoped messages) {
        this.index = index;
        this.messages = messages;
    }

    /** Two questions at least this close in meaning are reported as meaning the same. */
    static final double SAME_MEANING = 0.90;
    private static final int NEIGHBOURS_FOR_DUPLICATES = 8;

    /**
     * The meaning vector of a message: the stored one when the knowledge base has the same text (buyers often type an
     * FAQ's very words), else encoded (the last few thousand messages are remembered).
     */
    public float[] vectorOf(String message) {
        return index.vectorOf(message).orElseGet(() -> messages.of(message));
    }

    /**
     * The questions of {@code faq} that mean the same as a question of another FAQ: the nearest such question for
     * each, when its cosine reaches {@link #SAME_MEANING}.
     *
     * @param maxQuestions at most this many of the FAQ's questions are checked (each costs an encode if unseen)
     */
    public List<NearDuplicate> nearDuplicates(shopkb.content.FaqEntry faq, ContentSnapshot snapshot, int maxQuestions) {
        var found = new ArrayList<NearDuplicate>();
        List<String> questions = faq.allQuestions();
        for (int i = 0; i < Math.min(maxQuestions, questions.size()); i++) {
            String question = questions.get(i);
            float[] vector = index.vectorOf(question).orElseGet(() -> messages.of(question));
            for (MeaningIndex.Neighbour neighbour : index.nearest(vector, NEIGHBOURS_FOR_DUPLICATES)) {
                if (neighbour.similarity() < SAME_MEANING) {
                    break;
                }
                MeaningUnits.Unit other = neighbour.units().stream()
                        .filter(u -> u.role() == MeaningUnits.Role.SEARCH && u.unit() == Fields.Unit.QUESTION
                                && !u.entryId().equals(faq.id()) && snapshot.entry(u.entryId()) instanceof shopkb.content.FaqEntry)
                        .findFirst().orElse(null);
                if (other != null) {
                    String otherQuestion = ((shopkb.content.FaqEntry) snapshot.entry(other.entryId())).allQuestions().get(other.index());
                    found.add(new NearDuplicate(i == 0 ? "question" : "similar[" + (i - 1) + "]", question, other.entryId(),
                            otherQuestion, Math.round(neighbour.similarity() * 1000) / 1000.0));
                    break;
                }
            }
        }
        return found;
    }

    /** Entries nearest in meaning, best first, keeping the request's type and scenario filters. */
    List<Hit> nearest(float[] message, SearchRequest request, ContentSnapshot snapshot) {
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

    /** Cosines of the message with texts of the knowledge base, by the texts' keys (absent: the text has no vector). */
    Map<String, Float> cosines(float[] message, java.util.Collection<String> texts) {
        return index.similarities(message, texts);
    }

    /** The key a text's cosine is listed under by {@link #cosines}. */
    String key(String text) {
        return index.encoder().key(text);
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
