package shopkb.indexing;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads which entry and unit each hit belongs to, from doc values. An entry's id is decoded from its segment's terms
 * once and then kept by ordinal for the segment's life (a look-up decompressed a block of the terms dictionary and
 * made a new string, hashed again by every map of the search keyed by entry id). It is interned, as the content's
 * entries by id are keyed, so a look-up finds the key by identity.
 */
final class UnitReader {

    private static final Fields.Unit[] KINDS = Fields.Unit.values();
    private static final PerSegment<String[]> IDS_BY_ORD = new PerSegment<>();

    private UnitReader() {
    }

    /**
     * The units of {@code hits} with their scores, in the order given. Doc values iterate forward only, so hits are visited in
     * document order with one set of iterators per segment.
     */
    static List<UnitIndex.ScoredUnit> read(IndexReader reader, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        // Each hit's document and place packed in a long (documents are not negative): sorted without boxing.
        long[] order = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = (long) hits[i].doc << 32 | i;
        }
        Arrays.sort(order);
        var units = new UnitIndex.ScoredUnit[hits.length];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedDocValues ids = null;
        String[] idsByOrd = null;
        NumericDocValues kinds = null;
        NumericDocValues indexes = null;
        for (long docAndPlace : order) {
            int i = (int) docAndPlace;
            int doc = hits[i].doc;
            int wanted = ReaderUtil.subIndex(doc, leaves);
            if (wanted != leafIndex) {
                leafIndex = wanted;
                leaf = leaves.get(wanted);
                ids = DocValues.getSorted(leaf.reader(), Fields.ENTRY_ID);
                SortedDocValues values = ids;
                idsByOrd = IDS_BY_ORD.get(leaf.reader(), () -> new String[values.getValueCount()]);
                kinds = DocValues.getNumeric(leaf.reader(), Fields.UNIT);
                indexes = DocValues.getNumeric(leaf.reader(), Fields.UNIT_INDEX);
            }
            int local = doc - leaf.docBase;
            if (!ids.advanceExact(local) || !kinds.advanceExact(local) || !indexes.advanceExact(local)) {
                throw new IllegalStateException("unit document " + doc + " lacks its doc values");
            }
            int ord = ids.ordValue();
            String id = idsByOrd[ord];
            if (id == null) {
                id = ids.lookupOrd(ord).utf8ToString().intern(); // as EntriesById's keys are
                idsByOrd[ord] = id; // two searches may both decode it: the same immutable string either way
            }
            units[i] = new UnitIndex.ScoredUnit(id, KINDS[(int) kinds.longValue()], (int) indexes.longValue(), hits[i].score);
        }
        return Arrays.asList(units);
    }
}
