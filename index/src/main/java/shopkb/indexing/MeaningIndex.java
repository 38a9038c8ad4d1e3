package shopkb.indexing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import shopkb.content.Entry;
import shopkb.semantic.SentenceEncoder;

/**
 * Owns a shop's meaning vectors: one Lucene document per distinct text (its key, as the encoder folds it) with the
 * text's vector in an HNSW graph, persisted beside the lexical index. It is also the shop's embedding cache: a restart,
 * a re-index after a vocabulary edit (which changes words, not meanings) or an edit adds only texts it has never
 * seen, taking their vectors from the process's {@link VectorCache} when any shop had them and encoding the rest, and
 * texts no entry uses any more are dropped. Which entries use a text is kept in memory, derived from the
 * content. Changes are applied by {@link KnowledgeIndex}, in step with the lexical units, under its lock.
 *
 * <p>The graph holds the float vectors: quantising them to bytes saved nothing measurable at 10,000 entries (0.23 vs
 * 0.25 ms a search) and ranked slightly differently (paraphrase benchmark hit@1 0.158 vs 0.159).
 */
public final class MeaningIndex implements Closeable {

    /** The text's key: indexed (to replace or look up one text) and a doc value (read per nearest-neighbour hit). */
    static final String KEY = "meaning_key";
    /** The text's vector, unit length, compared by dot product (= cosine). */
    static final String VECTOR = "meaning_vector";
    private static final String MODEL_KEY = "model";
    /**
     * A cold build's vectors stay in memory until one flush writes them as one segment (about 2.5 KB a text: 10,000
     * entries' 19,000 texts take 50 MB): every segment is a graph of its own that each search walks, and four
     * segments made a search twice as slow.
     */
    private static final double BUILD_BUFFER_MB = 256;
    /** Texts encoded per task when many are missing (a cold start); small enough to spread over every core. */
    private static final int ENCODE_CHUNK = 256;

    /** A text near the message, its cosine similarity, and the entries' units that carry it. */
    public record Neighbour(String key, float similarity, List<MeaningUnits.Unit> units) {
    }

    /**
     * How opening went: texts whose vectors were reused from this index, taken from the process's vector cache, newly
     * encoded, and dropped as unused.
     */
    public record OpenReport(int reused, int fromCache, int encoded, int removed, long millis) {
    }

    private final SentenceEncoder encoder;
    /** Vectors any shop of the process had encoded, or null (see {@link VectorCache}). */
    private final VectorCache cache;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final OpenReport openReport;
    /** Units per key; values are immutable lists, swapped whole, so searches read them without locks. */
    private final Map<String, List<MeaningUnits.Unit>> unitsByKey = new ConcurrentHashMap<>();
    private final VectorKeys vectorKeys = new VectorKeys(KEY);
    /** The subset of {@link #unitsByKey} that are bad phrasings; values swapped whole like there. */
    private final Map<String, List<MeaningUnits.Unit>> badPhrasings = new ConcurrentHashMap<>();
    /** Keys that have a document (a vector) in the index; guarded by this. */
    private final Set<String> indexed = new HashSet<>();
    /** Keys per entry id, to release an entry's texts when it changes; guarded by this. */
    private final Map<String, List<String>> keysByEntry = new HashMap<>();
    private volatile boolean dirty;

    private MeaningIndex(SentenceEncoder encoder, VectorCache cache, Directory directory, boolean reuse, Collection<Entry> entries)
            throws IOException {
        long start = System.nanoTime();
        this.encoder = encoder;
        this.cache = cache;
        this.directory = directory;
        boolean reusable = reuse && sameModel(directory, encoder.modelId());
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(BUILD_BUFFER_MB)
                .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE));
        Reconciled done;
        int reused;
        try {
            indexed.addAll(presentKeys());
            reused = indexed.size();
            var keys = new ArrayList<String>();
            for (Entry entry : entries) {
                keys.addAll(attach(entry));
            }
            keys.addAll(indexed);
            done = reconcile(keys);
            if (!reusable || done.changed()) {
                writer.setLiveCommitData(Map.of(MODEL_KEY, encoder.modelId()).entrySet());
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // releases the write lock, so a retry (or the next start) can open the folder
            throw e;
        }
        this.searchers = new SearcherManager(writer, null);
        this.openReport = new OpenReport(reused - done.removed(), done.fromCache(), done.encoded(), done.removed(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Opens the vectors persisted in {@code dir} (made by the same model), adds the texts of {@code entries} that have
     * none yet (from {@code cache} when it has them, else encoded) and drops the ones no entry uses.
     *
     * @param cache the process's vectors by text, or null
     */
    public static MeaningIndex open(Path dir, SentenceEncoder encoder, VectorCache cache, Collection<Entry> entries) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            try {
                return new MeaningIndex(encoder, cache, directory, true, entries);
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                directory.close();
                throw e;
            } catch (IOException | IllegalArgumentException unreadable) {
                // A damaged copy is only a cache: start again from the content.
                directory.close();
                KnowledgeIndex.deleteContents(dir);
                return new MeaningIndex(encoder, cache, FSDirectory.open(dir), false, entries);
            }
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IllegalStateException("the meaning index in " + dir + " is in use by another running server", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the meaning index in " + dir, e);
        }
    }

    /** A throw-away in-memory meaning index, for evaluation and tests. */
    public static MeaningIndex inMemory(SentenceEncoder encoder, Collection<Entry> entries) {
        try {
            return new MeaningIndex(encoder, null, new ByteBuffersDirectory(), false, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OpenReport openReport() {
        return openReport;
    }

    /** How many distinct texts have a vector now. */
    public synchronized int size() {
        return indexed.size();
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Replaces the texts of {@code upserts} and releases those of {@code deletes}; visible to search on return. */
    public synchronized void apply(Collection<Entry> upserts, Collection<String> deletes) {
        try {
            var touched = new ArrayList<String>();
            for (String id : deletes) {
                touched.addAll(detach(id));
            }
            for (Entry entry : upserts) {
                touched.addAll(detach(entry.id()));
                touched.addAll(attach(entry));
            }
            reconcile(touched);
            searchers.maybeRefreshBlocking();
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Reconciled(int fromCache, int encoded, int removed) {
        boolean changed() {
            return fromCache + encoded + removed > 0;
        }
    }

    /** Brings the documents of {@code keys} in line with the units: encodes keys in use, drops keys out of use. */
    private Reconciled reconcile(Collection<String> keys) throws IOException {
        var missing = new ArrayList<String>();
        int removed = 0;
        for (String key : new LinkedHashSet<>(keys)) {
            boolean used = unitsByKey.containsKey(key);
            if (used && !indexed.contains(key)) {
                missing.add(key);
            } else if (!used && indexed.remove(key)) {
                writer.deleteDocuments(new Term(KEY, key));
                removed++;
            }
        }
        int fromCache = addVectors(missing);
        indexed.addAll(missing);
        return new Reconciled(fromCache, missing.size() - fromCache, removed);
    }

    /** The {@code k} texts whose meaning is nearest to {@code vector}, nearest first, with the units carrying them. */
    public List<Neighbour> nearest(float[] vector, int k) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k), k);
            String[] keys = vectorKeys.of(searcher.getIndexReader(), top.scoreDocs);
            var neighbours = new ArrayList<Neighbour>(keys.length);
            for (int i = 0; i < keys.length; i++) {
                List<MeaningUnits.Unit> units = unitsByKey.get(keys[i]);
                if (units != null) {
                    // Lucene scores a dot product d as (1 + d) / 2; the cosine is read back from it.
                    neighbours.add(new Neighbour(keys[i], 2 * top.scoreDocs[i].score - 1, units));
                }
            }
            return neighbours;
        });
    }

    /**
     * The cosine of {@code vector} with each of {@code texts} that has a vector, by key, in one exact search (the texts
     * a lexical search found, whose meaning must be weighed too).
     */
    public Map<String, Float> similarities(float[] vector, Collection<String> texts) {
        if (texts.isEmpty()) {
            return Map.of();
        }
        var keys = new ArrayList<BytesRef>();
        for (String text : texts) {
            keys.add(new BytesRef(encoder.key(text)));
        }
        return withSearcher(searcher -> {
            // A filter this small makes the vector query exact: every filtered text is scored.
            var query = new KnnFloatVectorQuery(VECTOR, vector, keys.size(), new TermInSetQuery(KEY, keys));
            TopDocs top = searcher.search(query, keys.size());
            String[] found = vectorKeys.of(searcher.getIndexReader(), top.scoreDocs);
            var similarities = new java.util.HashMap<String, Float>();
            for (int i = 0; i < found.length; i++) {
                similarities.put(found[i], 2 * top.scoreDocs[i].score - 1);
            }
            return similarities;
        });
    }

    /** The stored vector of {@code text}, when some entry uses it. */
    public Optional<float[]> vectorOf(String text) {
        String key = encoder.key(text);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(KEY, key)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            KnnVectorValues.DocIndexIterator it = values.iterator();
            if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                return Optional.empty();
            }
            return Optional.of(values.vectorValue(it.index()).clone());
        });
    }

    /**
     * The bad phrasings (a phrasing's {@code replaces}) by key, with the units naming them: what the reply check
     * compares drafts with. Kept apart so the check never scans every text.
     */
    public Map<String, List<MeaningUnits.Unit>> badPhrasings() {
        return Map.copyOf(badPhrasings);
    }

    /** Commits pending changes, if any (the index can always be rebuilt, so this runs in the background). */
    public synchronized void commitIfDirty() throws IOException {
        if (dirty) {
            writer.commit();
            dirty = false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        commitIfDirty();
        searchers.close();
        writer.close();
        directory.close();
    }

    private List<String> attach(Entry entry) {
        var keys = new LinkedHashMap<String, List<MeaningUnits.Unit>>();
        for (MeaningUnits.Unit unit : MeaningUnits.of(entry)) {
            keys.computeIfAbsent(encoder.key(unit.text()), k -> new ArrayList<>()).add(unit);
        }
        keys.forEach((key, units) -> {
            unitsByKey.merge(key, List.copyOf(units), MeaningIndex::concat);
            List<MeaningUnits.Unit> bad = units.stream().filter(u -> u.role() == MeaningUnits.Role.BAD_PHRASING).toList();
            if (!bad.isEmpty()) {
                badPhrasings.merge(key, bad, MeaningIndex::concat);
            }
        });
        keysByEntry.put(entry.id(), List.copyOf(keys.keySet()));
        return List.copyOf(keys.keySet());
    }

    private List<String> detach(String entryId) {
        List<String> keys = keysByEntry.remove(entryId);
        if (keys == null) {
            return List.of();
        }
        for (String key : keys) {
            unitsByKey.computeIfPresent(key, (k, units) -> without(units, entryId));
            badPhrasings.computeIfPresent(key, (k, units) -> without(units, entryId));
        }
        return keys;
    }

    private static List<MeaningUnits.Unit> without(List<MeaningUnits.Unit> units, String entryId) {
        List<MeaningUnits.Unit> kept = units.stream().filter(u -> !u.entryId().equals(entryId)).toList();
        return kept.isEmpty() ? null : kept;
    }

    private static List<MeaningUnits.Unit> concat(List<MeaningUnits.Unit> a, List<MeaningUnits.Unit> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * Adds the vectors of {@code keys}: those the process's cache has, the rest encoded (and then cached).
     *
     * @return how many came from the cache
     */
    private int addVectors(List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, float[]> cached = cache == null ? Map.of() : cache.find(keys);
        if (!cached.isEmpty()) {
            add(List.copyOf(cached.keySet()), List.copyOf(cached.values()));
        }
        List<String> missing = cached.isEmpty() ? keys : keys.stream().filter(k -> !cached.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = encode(missing);
            add(missing, vectors);
            if (cache != null) {
                var fresh = new HashMap<String, float[]>();
                for (int i = 0; i < missing.size(); i++) {
                    fresh.put(missing.get(i), vectors.get(i));
                }
                cache.putAll(fresh);
            }
        }
        return cached.size();
    }

    /** Encodes {@code keys} in order; many at once are spread over every core. */
    private List<float[]> encode(List<String> keys) {
        if (keys.size() <= ENCODE_CHUNK) {
            return encoder.encodeAll(keys);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            var chunks = new ArrayList<Future<List<float[]>>>();
            for (int from = 0; from < keys.size(); from += ENCODE_CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + ENCODE_CHUNK));
                chunks.add(pool.submit(() -> encoder.encodeAll(chunk)));
            }
            var vectors = new ArrayList<float[]>(keys.size());
            for (Future<List<float[]>> chunk : chunks) {
                vectors.addAll(chunk.get());
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("encoding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void add(List<String> keys, List<float[]> vectors) throws IOException {
        for (int i = 0; i < keys.size(); i++) {
            var doc = new Document();
            doc.add(new StringField(KEY, keys.get(i), Field.Store.NO));
            doc.add(new SortedDocValuesField(KEY, new BytesRef(keys.get(i))));
            doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            writer.updateDocument(new Term(KEY, keys.get(i)), doc);
        }
    }

    private Set<String> presentKeys() throws IOException {
        var keys = new HashSet<String>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(KEY);
                if (terms == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            keys.add(term.utf8ToString());
                            break;
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static boolean sameModel(Directory directory, String modelId) {
        try {
            return DirectoryReader.indexExists(directory)
                    && modelId.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY));
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: rebuilt from the content
        }
    }

    private <T> T withSearcher(KnowledgeIndex.SearcherWork<T> work) {
        return KnowledgeIndex.withSearcher(searchers, work);
    }
}
