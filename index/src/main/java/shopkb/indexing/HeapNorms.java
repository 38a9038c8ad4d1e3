package shopkb.indexing;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * A reader whose text fields' norms are read from arrays on the heap instead of the memory-mapped index files. Every
 * scored unit reads one norm byte per clause's field at a random place: through a memory segment, each such read was
 * an eighth of the server's CPU under search load (most of it the segment's access checks). The arrays are made once
 * per segment and field (a byte per unit and field), shared by every reader over the same segment, and dropped with
 * it. Only dense single-byte norms are copied (what BM25 writes for a field every unit has); any other field reads as
 * before. Scores are unchanged: the same values are read.
 */
final class HeapNorms extends FilterDirectoryReader {

    /** Per segment: per field, its norms, or empty when that field's norms are read from the index. */
    private static final PerSegment<Map<String, Optional<byte[]>>> NORMS = new PerSegment<>();

    private HeapNorms(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader);
            }
        });
    }

    /** {@code reader} with its norms on the heap; a reader already wrapped is returned as it is. */
    static DirectoryReader wrap(DirectoryReader reader) throws IOException {
        return reader instanceof HeapNorms ? reader : new HeapNorms(reader);
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new HeapNorms(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    private static final class Leaf extends FilterLeafReader {

        private final Map<String, Optional<byte[]>> norms;

        Leaf(LeafReader in) {
            super(in);
            norms = NORMS.get(in, ConcurrentHashMap::new);
        }

        @Override
        public NumericDocValues getNormValues(String field) throws IOException {
            Optional<byte[]> copied = norms.get(field);
            if (copied == null) {
                copied = Optional.ofNullable(copy(in.getNormValues(field), maxDoc()));
                norms.putIfAbsent(field, copied);
            }
            return copied.isPresent() ? new Dense(copied.get()) : in.getNormValues(field);
        }

        /** The norms as an array, or null unless every document has one that fits a byte. */
        private static byte[] copy(NumericDocValues values, int maxDoc) throws IOException {
            if (values == null) {
                return null;
            }
            var copied = new byte[maxDoc];
            for (int doc = 0; doc < maxDoc; doc++) {
                if (!values.advanceExact(doc)) {
                    return null;
                }
                long value = values.longValue();
                if (value != (byte) value) {
                    return null;
                }
                copied[doc] = (byte) value;
            }
            return copied;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    /** Norms every document has, from an array. */
    private static final class Dense extends NumericDocValues {

        private final byte[] norms;
        private int doc = -1;

        Dense(byte[] norms) {
            this.norms = norms;
        }

        @Override
        public long longValue() {
            return norms[doc];
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return true;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target < norms.length ? target : DocIdSetIterator.NO_MORE_DOCS;
            return doc;
        }

        @Override
        public long cost() {
            return norms.length;
        }
    }
}
