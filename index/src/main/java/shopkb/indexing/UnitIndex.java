package shopkb.indexing;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import shopkb.analysis.Vocabulary;
import shopkb.content.Entry;

/**
 * Where a shop's units (see {@link Fields}) are kept and searched by words: the embedded Lucene index
 * ({@link KnowledgeIndex}) or another engine's. Each keeps the shop's meaning vectors ({@link MeaningIndex}, always in
 * this process) in step with its units. Its changes come only from {@link ServedContent}, the one owner of what a shop
 * serves, which passes with each the build fingerprint the index must record: an index whose recorded fingerprint
 * differs from the content's is rebuilt when opened.
 */
public interface UnitIndex extends Closeable {

    /** How the index came to be: reused, or built (and why). */
    record OpenReport(boolean reused, String reason, long millis) {
    }

    /** A unit found: its entry, which unit of it, and its score. */
    record ScoredUnit(String entryId, Fields.Unit unit, int index, float score) {
    }

    /** A term of a field. */
    record FieldTerm(String field, String text) {
    }

    /**
     * What a search found.
     *
     * @param units the best units, best first
     * @param docs how many units the index holds
     * @param docFreqs how many units hold each counted term (and perhaps other terms)
     */
    record Found(List<ScoredUnit> units, int docs, Map<FieldTerm, Integer> docFreqs) {
    }

    /**
     * The best {@code units} units for {@code query}, and the document frequencies of {@code counted} (confidence weighs
     * a message's terms by their rarity).
     */
    Found search(UnitQuery query, int units, Collection<FieldTerm> counted);

    /** Adds or replaces an entry's units; searchable when this returns. */
    void upsert(Entry entry, String fingerprint);

    /** Removes an entry's units; gone from search when this returns. */
    void delete(String entryId, String fingerprint);

    /** A batch of upserts and deletes at once. */
    void apply(Collection<Entry> upserts, Collection<String> deletes, String fingerprint);

    /**
     * Replaces every unit, analysed with {@code vocabulary} (domain words change how text is segmented); searches keep
     * the previous units until the new ones are all searchable.
     */
    void reindex(Collection<Entry> entries, String fingerprint, Vocabulary vocabulary);

    /** The meaning vectors kept in step with the units, or null when search is by words only. */
    MeaningIndex meaning();

    OpenReport openReport();

    /** What is wrong with the index now (failing writes, lagging commits); empty when all is well. */
    List<String> problems();
}
