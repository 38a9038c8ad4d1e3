package shopkb.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shopkb.analysis.Vocabulary;
import shopkb.content.Entry;

/**
 * The embedded engine's {@link UnitIndex}: owns the Lucene index lifecycle: the writer, the searcher manager, the background refresh and the
 * commits. A persisted index is reused when it was built with the same build fingerprint (index format,
 * content and vocabulary), and rebuilt from the entries when it is missing, stale or unreadable.
 */
public final class KnowledgeIndex implements UnitIndex {

    /** Bump when fields or analysis change, so persisted indexes are rebuilt. */
    public static final String FORMAT = "shopkb-index-4";
    private static final double MERGE_FLOOR_MB = 0.5;
    private static final String FINGERPRINT_KEY = "content_fingerprint";
    /**
     * Every change refreshes the searcher itself, at once; the timed refresh only picks up segments merged in the
     * background, so once a second is plenty (and a thousand open shops cost a thousand refreshes a second, not ten).
     */
    private static final long REFRESH_MILLIS = 1000;
    private static final long COMMIT_MILLIS = 2000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The timed refresh and commit on the process's shared scheduler, cancelled on close. */
    private final List<ScheduledFuture<?>> timed;
    private final OpenReport openReport;
    /** The meaning vectors kept in step with the units, or null when search is by words only. */
    private final MeaningIndex meaning;
    /** A commit this long overdue makes the index lag its content files: a restart would rebuild it. */
    private static final Duration LAG_LIMIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndex.class);

    /**
     * The terms searches asked for, as one reader holds them: their unit counts, and their Lucene term states, which
     * the query's term clauses then take instead of seeking each term in the terms dictionary again. Buyers' messages
     * repeat their words, and each count was a seek in every segment (8% of a search's CPU before it was kept), each
     * clause's term state another (6% of Lucene's own time before states were kept too).
     */
    private record TermCounts(IndexReader reader, Map<FieldTerm, Integer> counts, Map<FieldTerm, TermStates> states) {
    }

    /** Beyond this many terms the counts start again (buyers' words are a few tens of thousands). */
    private static final int MAX_COUNTED_TERMS = 200_000;
    private volatile TermCounts termCounts = new TermCounts(null, Map.of(), Map.of());

    private volatile boolean dirty;
    /** When the oldest uncommitted change was made; null when everything is committed. */
    private volatile Instant dirtySince;
    /** The last commit's or refresh's failure, until one succeeds again. */
    private volatile String commitFailure;
    private volatile String refreshFailure;
    /** Set under this object's lock; read without it by the timed refresh, which then stops. */
    private volatile boolean closed;

    private KnowledgeIndex(Directory directory, IndexWriter writer, OpenReport openReport, MeaningIndex meaning,
                           ScheduledExecutorService scheduler) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.openReport = openReport;
        this.meaning = meaning;
        this.searchers = new SearcherManager(HeapNorms.wrap(DirectoryReader.open(writer)), new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(UnitSimilarity.INSTANCE);
                return searcher;
            }
        });
        this.timed = List.of(
                scheduler.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS),
                scheduler.scheduleWithFixedDelay(this::commitIfDirty, COMMIT_MILLIS, COMMIT_MILLIS, TimeUnit.MILLISECONDS));
    }

    /**
     * Opens the persisted index in {@code indexDir}, or builds it from {@code entries}.
     *
     * @param fingerprint identifies what the index is built from; a different one means rebuild
     * @param meaning the meaning vectors of the same entries, updated with every change from now on (null: none)
     * @param scheduler runs the timed refresh and commit (shared by every index of the process)
     */
    public static KnowledgeIndex open(Path indexDir, Analyzer analyzer, String fingerprint, Collection<Entry> entries,
                                      MeaningIndex meaning, ScheduledExecutorService scheduler) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(indexDir);
            Directory directory = FSDirectory.open(indexDir);
            String staleReason = staleReason(directory, fingerprint);
            if (staleReason == null) {
                IndexWriter writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.APPEND));
                return new KnowledgeIndex(directory, writer, new OpenReport(true, "content unchanged", millisSince(start)), meaning,
                        scheduler);
            }
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
            } catch (IOException | RuntimeException unreadable) {
                directory.close();
                deleteContents(indexDir);
                directory = FSDirectory.open(indexDir);
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
            }
            addAll(writer, entries, fingerprint);
            return new KnowledgeIndex(directory, writer, new OpenReport(false, staleReason, millisSince(start)), meaning, scheduler);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IllegalStateException("the index in " + indexDir + " is in use by another running server", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index in " + indexDir, e);
        }
    }

    /** A throw-away in-memory index, for evaluation and tests. */
    public static KnowledgeIndex inMemory(Analyzer analyzer, String fingerprint, Collection<Entry> entries, MeaningIndex meaning,
                                          ScheduledExecutorService scheduler) {
        long start = System.nanoTime();
        try {
            var directory = new ByteBuffersDirectory();
            var writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
            addAll(writer, entries, fingerprint);
            return new KnowledgeIndex(directory, writer, new OpenReport(false, "in memory", millisSince(start)), meaning, scheduler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OpenReport openReport() {
        return openReport;
    }

    /** Runs {@code work} on a current searcher, always releasing it. */
    public <T> T withSearcher(SearcherWork<T> work) {
        return withSearcher(searchers, work);
    }

    /** Runs {@code work} on a current searcher of {@code searchers}, always releasing it. */
    static <T> T withSearcher(SearcherManager searchers, SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work done with an acquired searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public Found search(UnitQuery query, int units, Collection<FieldTerm> counted) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            TermCounts known = termCounts(reader);
            for (FieldTerm term : counted) {
                if (!known.counts().containsKey(term)) {
                    TermStates states = TermStates.build(searcher, new Term(term.field(), term.text()), true);
                    known.states().put(term, states);
                    known.counts().put(term, states.docFreq());
                }
            }
            List<ScoredUnit> found = List.of();
            if (units > 0 && !query.clauses().isEmpty()) {
                // The hit count is not needed: counting exactly up to Lucene's default 1,000 hits would delay pruning.
                TopDocs top = searcher.search(LuceneUnitQuery.of(query, known.states()::get, UnitDisjunctionQuery.suits(reader)),
                        new TopScoreDocCollectorManager(units, units));
                found = UnitReader.read(reader, top.scoreDocs);
            }
            // The reader's counts so far, not a copy of the asked ones: a search asks for about a hundred.
            return new Found(found, reader.numDocs(), Collections.unmodifiableMap(known.counts()));
        });
    }

    /** The terms as {@code reader} holds them, counted so far; started afresh for every new reader. */
    private TermCounts termCounts(IndexReader reader) {
        TermCounts known = termCounts;
        if (known.reader() != reader || known.counts().size() > MAX_COUNTED_TERMS) {
            known = new TermCounts(reader, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            termCounts = known;
        }
        return known;
    }

    /** Adds or replaces an entry's units and commits with the new build fingerprint; visible to search at once. */
    @Override
    public synchronized void upsert(Entry entry, String fingerprint) {
        try {
            applyMeaning(List.of(entry), List.of());
            writer.updateDocuments(new Term(Fields.ENTRY_ID, entry.id()), DocumentBuilder.build(entry));
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an entry's units and commits with the new build fingerprint; visible to search at once. */
    @Override
    public synchronized void delete(String entryId, String fingerprint) {
        try {
            applyMeaning(List.of(), List.of(entryId));
            writer.deleteDocuments(new Term(Fields.ENTRY_ID, entryId));
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a batch of upserts and deletes with one commit. */
    @Override
    public synchronized void apply(Collection<Entry> upserts, Collection<String> deletes, String fingerprint) {
        try {
            applyMeaning(upserts, deletes);
            for (String id : deletes) {
                writer.deleteDocuments(new Term(Fields.ENTRY_ID, id));
            }
            for (Entry entry : upserts) {
                writer.updateDocuments(new Term(Fields.ENTRY_ID, entry.id()), DocumentBuilder.build(entry));
            }
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void applyMeaning(Collection<Entry> upserts, Collection<String> deletes) {
        if (meaning != null) {
            meaning.apply(upserts, deletes);
        }
    }

    @Override
    public MeaningIndex meaning() {
        return meaning;
    }

    /**
     * Replaces every document, e.g. after the vocabulary changed how text is segmented (which changes words,
     * not meanings: the meaning vectors stay as they are). Searches keep using
     * the previous searcher until the new one is committed and refreshed. The analyzer this index was opened with reads
     * the vocabulary {@link ServedContent} switched to before calling this.
     */
    @Override
    public synchronized void reindex(Collection<Entry> entries, String fingerprint, Vocabulary vocabulary) {
        try {
            writer.deleteAll();
            for (Entry entry : entries) {
                writer.addDocuments(DocumentBuilder.build(entry));
            }
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the change searchable at once (a near-real-time refresh, milliseconds) and leaves the durable
     * commit to the background committer: the content files are the durable copy, and an index whose last
     * commit lags them is rebuilt from them on the next start.
     */
    private void commit(String fingerprint) throws IOException {
        writer.setLiveCommitData(commitData(fingerprint));
        searchers.maybeRefreshBlocking();
        if (!dirty) {
            dirtySince = Instant.now();
        }
        dirty = true;
    }

    /**
     * What is wrong with the index now: a failing commit or refresh, or changes left uncommitted for longer
     * than {@link #LAG_LIMIT}. Empty when all is well.
     */
    @Override
    public List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        if (commitFailure != null) {
            problems.add(commitFailure);
        }
        if (refreshFailure != null) {
            problems.add(refreshFailure);
        }
        Instant since = dirtySince;
        if (since != null && Duration.between(since, Instant.now()).compareTo(LAG_LIMIT) > 0) {
            problems.add("changes since " + since + " are not committed yet: a restart would rebuild the index from the files");
        }
        return problems;
    }

    /** Commits pending changes, if any; runs every few seconds and on close. */
    private synchronized void commitIfDirty() {
        if (!dirty || closed) {
            return;
        }
        try {
            writer.commit();
            if (meaning != null) {
                meaning.commitIfDirty();
            }
            dirty = false;
            dirtySince = null;
            commitFailure = null;
        } catch (IOException | RuntimeException e) {
            // Retried on the next tick; until then a restart rebuilds from the content files.
            if (commitFailure == null) {
                LOG.warn("index commit failed (retried every {} s): {}", COMMIT_MILLIS / 1000, e.toString());
            }
            commitFailure = "the index commit failed at " + Instant.now() + ": " + e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        timed.forEach(task -> task.cancel(false));
        commitIfDirty();
        closed = true;
        searchers.close();
        writer.close();
        directory.close();
        if (meaning != null) {
            meaning.close();
        }
    }

    private void refresh() {
        if (closed) {
            return;
        }
        try {
            searchers.maybeRefresh();
            refreshFailure = null;
        } catch (IOException | RuntimeException e) {
            if (closed) {
                return; // closed while refreshing: nothing is searched any more
            }
            // The next tick retries; searches keep using the last good searcher meanwhile.
            if (refreshFailure == null) {
                LOG.warn("index refresh failed (retried every {} ms): {}", REFRESH_MILLIS, e.toString());
            }
            refreshFailure = "the index refresh failed at " + Instant.now() + ": " + e;
        }
    }

    private static String staleReason(Directory directory, String fingerprint) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "no index yet";
            }
            Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!built(fingerprint).equals(userData.get(FINGERPRINT_KEY))) {
                return "content, vocabulary or index format changed";
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.numDocs() >= 0 ? null : "empty";
            }
        } catch (IOException | RuntimeException e) {
            return "index unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void addAll(IndexWriter writer, Collection<Entry> entries, String fingerprint) throws IOException {
        for (Entry entry : entries) {
            writer.addDocuments(DocumentBuilder.build(entry));
        }
        writer.setLiveCommitData(commitData(fingerprint));
        writer.commit();
    }

    /** What a commit records of what the index was built from: this format and the caller's fingerprint. */
    private static java.util.Set<Map.Entry<String, String>> commitData(String fingerprint) {
        return Map.of(FINGERPRINT_KEY, built(fingerprint)).entrySet();
    }

    private static String built(String fingerprint) {
        return FORMAT + ":" + fingerprint;
    }

    /**
     * Every save flushes a small segment. With Lucene's default 16 MB floor, the segments of a whole 100,000-entry
     * index (about 8 MB each) counted as "small" too, and were merged again and again with each handful of
     * saves: 40% of the CPU under search load with 10 saves a second. A small floor merges small segments
     * with each other and leaves the big ones alone.
     */
    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        var merges = new TieredMergePolicy();
        merges.setFloorSegmentMB(MERGE_FLOOR_MB);
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setMergePolicy(merges);
    }

    static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> paths = files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
