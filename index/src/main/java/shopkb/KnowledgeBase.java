package shopkb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shopkb.content.ContentLoader;
import shopkb.content.ContentProblem;
import shopkb.content.ContentStore;
import shopkb.content.Entry;
import shopkb.content.Intent;
import shopkb.content.LoadedContent;
import shopkb.indexing.KnowledgeIndex;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.SearchService;

/**
 * The search core as one object: content loaded from a folder, the index in a data folder, and search
 * over both. This is what the HTTP server and the command line hold.
 */
public final class KnowledgeBase implements Closeable {

    /** State worth reporting at start-up and on the health endpoint. */
    public record Health(int entries, int intents, int invalid, List<ContentProblem> problems, long indexAgeSeconds,
                         boolean indexReused, String indexReason, long indexMillis) {
    }

    private final ContentStore store;
    private final KnowledgeIndex index;
    private final SearchService search;
    private final Instant indexedAt = Instant.now();

    private KnowledgeBase(LoadedContent content, KnowledgeIndex index) {
        this.store = new ContentStore(content);
        this.index = index;
        this.search = new SearchService(index, store);
    }

    /** Loads {@code contentDir} and opens (reusing or rebuilding) the index under {@code dataDir}. */
    public static KnowledgeBase open(Path contentDir, Path dataDir) {
        LoadedContent content = new ContentLoader(contentDir).load();
        return new KnowledgeBase(content, KnowledgeIndex.open(dataDir.resolve("index"), content));
    }

    /** Loads {@code contentDir} into an in-memory index that is never persisted. */
    public static KnowledgeBase inMemory(Path contentDir) {
        LoadedContent content = new ContentLoader(contentDir).load();
        return new KnowledgeBase(content, KnowledgeIndex.inMemory(content));
    }

    public SearchResponse search(SearchRequest request) {
        return search.search(request);
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(store.current().entry(id));
    }

    public Optional<Intent> intent(String id) {
        return Optional.ofNullable(store.current().content().intents().get(id));
    }

    public LoadedContent content() {
        return store.current().content();
    }

    public KnowledgeIndex index() {
        return index;
    }

    public ContentStore store() {
        return store;
    }

    public Health health() {
        LoadedContent content = store.current().content();
        var report = index.openReport();
        return new Health(content.entries().size(), content.intents().size(), content.invalidFiles(), content.problems(),
                Duration.between(indexedAt, Instant.now()).toSeconds(), report.reused(), report.reason(), report.millis());
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
