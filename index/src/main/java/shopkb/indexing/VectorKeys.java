package shopkb.indexing;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;

/**
 * The text key of each hit of the meaning index, read from its sorted doc values once and then kept per segment by
 * document: a segment's documents never change, and reading a key took a doc-values instance and the decompression of
 * a block of its terms dictionary per hit (8 % of a search's samples when ranking by meaning). A segment's keys go
 * when the segment is closed.
 */
final class VectorKeys {

    private final String field;
    private final PerSegment<String[]> bySegment = new PerSegment<>();

    VectorKeys(String field) {
        this.field = field;
    }

    /** The key of each hit (null where a hit has none), in the order of {@code hits}. */
    String[] of(IndexReader reader, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        var keys = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            keys[i] = keyOf(leaf, hits[i].doc - leaf.docBase);
        }
        return keys;
    }

    private String keyOf(LeafReaderContext leaf, int doc) throws IOException {
        String[] byDoc = bySegment.get(leaf.reader(), () -> new String[leaf.reader().maxDoc()]);
        String key = byDoc[doc];
        if (key == null) {
            SortedDocValues values = leaf.reader().getSortedDocValues(field);
            if (values == null || !values.advanceExact(doc)) {
                return null;
            }
            key = values.lookupOrd(values.ordValue()).utf8ToString();
            byDoc[doc] = key; // two searches may both read it: the same immutable string either way
        }
        return key;
    }
}
