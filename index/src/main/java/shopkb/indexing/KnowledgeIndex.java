package shopkb.indexing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import shopkb.analysis.Analyzers;
import shopkb.content.Entry;
import shopkb.content.LoadedContent;

/**
 * Owns the Lucene index lifecycle: the writer, the searcher manager, the background refresh and the
 * commits. A persisted index is reused when it was built from the same content with the same index
 * format, and rebuilt from content when it is missing, stale or unreadable.
 */
public final class KnowledgeIndex implements Closeable {

    /** Bump when fields or analysis change, so persisted indexes are rebuilt. */
    public static final String FORMAT = "shopkb-index-1";
    private static final String FINGERPRINT_KEY = "content_fingerprint";
    private static final long REFRESH_MILLIS = 100;

    /** How the index came to be: reused from disk, or built (and why). */
    public record OpenReport(boolean reused, String reason, long millis) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final OpenReport openReport;

    private KnowledgeIndex(Directory directory, IndexWriter writer, OpenReport openReport) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.openReport = openReport;
        this.searchers = new SearcherManager(writer, null);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens (or builds) the persisted index in {@code indexDir} for {@code content}. */
    public static KnowledgeIndex open(Path indexDir, LoadedContent content) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(indexDir);
            Directory directory = FSDirectory.open(indexDir);
            String staleReason = staleReason(directory, content);
            if (staleReason == null) {
                IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
                return new KnowledgeIndex(directory, writer, new OpenReport(true, "content unchanged", millisSince(start)));
            }
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            } catch (IOException | RuntimeException unreadable) {
                directory.close();
                deleteContents(indexDir);
                directory = FSDirectory.open(indexDir);
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            }
            addAll(writer, content);
            return new KnowledgeIndex(directory, writer, new OpenReport(false, staleReason, millisSince(start)));
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IllegalStateException("the index in " + indexDir + " is in use by another running server", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index in " + indexDir, e);
        }
    }

    /** A throw-away in-memory index, for evaluation and tests. */
    public static KnowledgeIndex inMemory(LoadedContent content) {
        long start = System.nanoTime();
        try {
            var directory = new ByteBuffersDirectory();
            var writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            addAll(writer, content);
            return new KnowledgeIndex(directory, writer, new OpenReport(false, "in memory", millisSince(start)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OpenReport openReport() {
        return openReport;
    }

    /** Runs {@code work} on a current searcher, always releasing it. */
    public <T> T withSearcher(SearcherWork<T> work) {
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

    /** Adds or replaces an entry's units and commits with the new content fingerprint; visible to search at once. */
    public void upsert(Entry entry, String contentFingerprint) {
        try {
            writer.updateDocuments(new Term(Fields.ENTRY_ID, entry.id()), DocumentBuilder.build(entry));
            commit(contentFingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an entry's units and commits with the new content fingerprint; visible to search at once. */
    public void delete(String entryId, String contentFingerprint) {
        try {
            writer.deleteDocuments(new Term(Fields.ENTRY_ID, entryId));
            commit(contentFingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(String contentFingerprint) throws IOException {
        writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, FORMAT + ":" + contentFingerprint).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        searchers.close();
        writer.close();
        directory.close();
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // The next tick retries; searches keep using the last good searcher meanwhile.
        }
    }

    private static String staleReason(Directory directory, LoadedContent content) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "no index yet";
            }
            Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!(FORMAT + ":" + content.fingerprint()).equals(userData.get(FINGERPRINT_KEY))) {
                return "content or index format changed";
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.numDocs() >= 0 ? null : "empty";
            }
        } catch (IOException | RuntimeException e) {
            return "index unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void addAll(IndexWriter writer, LoadedContent content) throws IOException {
        for (Entry entry : content.entries().values()) {
            writer.addDocuments(DocumentBuilder.build(entry));
        }
        writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, FORMAT + ":" + content.fingerprint()).entrySet());
        writer.commit();
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer()).setOpenMode(mode);
    }

    /** Words analysis for *_words fields, bigrams for the rest. */
    public static Analyzer analyzer() {
        Analyzer words = Analyzers.words();
        return new PerFieldAnalyzerWrapper(Analyzers.grams(), Map.of(
                Fields.QUESTION_WORDS, words, Fields.TITLE_WORDS, words, Fields.BODY_WORDS, words));
    }

    private static void deleteContents(Path dir) throws IOException {
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
