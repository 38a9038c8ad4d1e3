package shopkb;

import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.lucene.analysis.Analyzer;
import shopkb.analysis.Vocabulary;
import shopkb.content.Entry;
import shopkb.indexing.KnowledgeIndex;
import shopkb.indexing.MeaningIndex;
import shopkb.indexing.UnitIndex;

/**
 * Where the shops of a process keep their units: {@link #EMBEDDED}, a Lucene index in each shop's data folder (the
 * default), or another engine (the OpenSearch cluster engine lives in its own module). The meaning vectors stay in the
 * shop's data folder whichever engine keeps the units.
 */
@FunctionalInterface
public interface UnitEngine {

    /**
     * What opening one shop's unit index needs.
     *
     * @param shop the shop's name
     * @param analyzer the embedded engine's per-field analyzer, reading the vocabulary in use
     * @param vocabulary the vocabulary the units must be analysed with
     * @param fingerprint what the index must be built from; an index recording another is rebuilt
     * @param meaning the meaning vectors to keep in step with the units, or null
     * @param scheduler the process's background threads
     */
    record Opening(String shop, ShopFolders folders, Analyzer analyzer, Vocabulary vocabulary, String fingerprint,
                   Collection<Entry> entries, MeaningIndex meaning, ScheduledExecutorService scheduler) {
    }

    UnitIndex open(Opening opening);

    /**
     * Deletes the units of a shop that no longer exists; nothing for an engine that keeps them in the shop's folder
     * (which is moved aside with the shop).
     */
    default void drop(String shop) {
    }

    /** The Lucene index in the shop's data folder. */
    UnitEngine EMBEDDED = o -> KnowledgeIndex.open(o.folders().index(), o.analyzer(), o.fingerprint(), o.entries(), o.meaning(),
            o.scheduler());
}
