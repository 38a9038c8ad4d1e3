package shopkb.indexing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors of every text any shop of this process had encoded, by the text's key, in one folder of the data folder.
 * A text's vector is the same in every shop, so a shop opening with texts another shop (or an earlier copy of itself)
 * already had encodes none of them: copying a shop, or many shops sharing a catalogue's wording, costs lookups instead
 * of the model's millisecond a text. Only content texts come here (questions, titles, sections, bad phrasings), never
 * buyers' messages, which can carry personal data. A cache: losing it, or its last few seconds in a crash, costs only
 * encoding again; vectors of another model are never mixed in (the folder is emptied when the model changes).
 */
public final class VectorCache implements Closeable {

    private static final String KEY = "key";
    private static final String VECTOR = "vector";
    private static final String MODEL_KEY = "model";
    private static final long COMMIT_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledFuture<?> committer;
    private volatile boolean dirty;

    private VectorCache(Directory directory, IndexWriter writer, ScheduledExecutorService scheduler) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.committer = scheduler.scheduleWithFixedDelay(this::commitQuietly, COMMIT_MILLIS, COMMIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the cache in {@code dir} for vectors made by {@code modelId}; a cache of another model, or an unreadable one,
     * is started again empty.
     *
     * @param scheduler commits new vectors every few seconds
     */
    public static VectorCache open(Path dir, String modelId, ScheduledExecutorService scheduler) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            boolean reusable = sameModel(directory, modelId);
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE));
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                directory.close();
                throw new IllegalStateException("the vector cache in " + dir + " is in use by another running server", e);
            } catch (IOException | RuntimeException unreadable) {
                directory.close();
                KnowledgeIndex.deleteContents(dir);
                directory = FSDirectory.open(dir);
                writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            }
            writer.setLiveCommitData(Map.of(MODEL_KEY, modelId).entrySet());
            if (!reusable) {
                writer.commit();
            }
            return new VectorCache(directory, writer, scheduler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vector cache in " + dir, e);
        }
    }

    /** The cached vectors of those of {@code keys} that have one. */
    public Map<String, float[]> find(Collection<String> keys) {
        var found = new HashMap<String, float[]>();
        if (keys.isEmpty()) {
            return found;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields stored = searcher.storedFields();
                for (String key : keys) {
                    TopDocs top = searcher.search(new TermQuery(new Term(KEY, key)), 1);
                    if (top.scoreDocs.length > 0) {
                        BytesRef bytes = stored.document(top.scoreDocs[0].doc).getBinaryValue(VECTOR);
                        found.put(key, toFloats(bytes));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Keeps these vectors (by key); visible to {@link #find} on return, on disk within a few seconds. */
    public void putAll(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        try {
            for (var e : vectors.entrySet()) {
                var doc = new Document();
                doc.add(new StringField(KEY, e.getKey(), Field.Store.NO));
                doc.add(new StoredField(VECTOR, toBytes(e.getValue())));
                writer.updateDocument(new Term(KEY, e.getKey()), doc);
            }
            searchers.maybeRefreshBlocking();
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many texts have a vector here. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void commitQuietly() {
        if (!dirty) {
            return;
        }
        try {
            dirty = false;
            writer.commit();
        } catch (IOException | RuntimeException e) {
            dirty = true;
            // Only a cache: the next tick retries, and a lost vector is encoded again when next needed.
            LOG.warn("committing the vector cache failed (retried): {}", e.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        committer.cancel(false);
        commitQuietly();
        searchers.close();
        writer.close();
        directory.close();
    }

    private static boolean sameModel(Directory directory, String modelId) {
        try {
            return DirectoryReader.indexExists(directory)
                    && modelId.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] toFloats(BytesRef bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
