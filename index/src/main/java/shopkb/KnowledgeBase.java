package shopkb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import shopkb.analysis.Analyzers;
import shopkb.analysis.Vocabulary;
import shopkb.analysis.VocabularyLoader;
import shopkb.check.Finding;
import shopkb.check.LikeBadPhrasing;
import shopkb.check.ReplyChecker;
import shopkb.check.RuleSet;
import shopkb.content.ContentLoader;
import shopkb.content.ContentProblem;
import shopkb.content.ContentSnapshot;
import shopkb.content.Entry;
import shopkb.content.FolderWatcher;
import shopkb.content.Intent;
import shopkb.content.LoadedContent;
import shopkb.editing.ContentEditor;
import shopkb.editing.FileHome;
import shopkb.editing.HistoryStore;
import shopkb.indexing.KnowledgeIndex;
import shopkb.indexing.MeaningIndex;
import shopkb.indexing.ServedContent;
import shopkb.indexing.UnitIndex;
import shopkb.search.BuyerQueryParser;
import shopkb.search.MeaningSearch;
import shopkb.search.NearDuplicate;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.SearchService;
import shopkb.search.UsageVotes;
import shopkb.semantic.MeaningModel;
import shopkb.semantic.SentenceEncoder;

/**
 * The search core as one object: content loaded from a folder, the vocabulary beside it (watched and
 * reloaded without restart), the index in a data folder, and search over them. This is what the HTTP
 * server and the command line hold.
 */
public final class KnowledgeBase implements Closeable {

    /** State worth reporting at start-up and on the health endpoint. */
    public record Health(int entries, int intents, int invalid, List<ContentProblem> problems, long indexAgeSeconds,
                         boolean indexReused, String indexReason, long indexMillis, Meaning meaning) {

        /** Something needs attention: an invalid file, a bad vocabulary line or rule, a lagging or failing index. */
        public boolean degraded() {
            return !problems.isEmpty();
        }
    }

    /**
     * Whether search ranks by meaning: {@code status} on, off or unavailable (with why in {@code detail}), how many
     * distinct texts have a vector now, and how the vectors were opened: reused from the shop's own meaning index, taken
     * from the process's cache of vectors by text, newly encoded.
     */
    public record Meaning(String status, String detail, int vectors, int vectorsReused, int vectorsFromCache, int vectorsEncoded,
                          long openMillis) {
    }

    private final Path contentDir;
    /** The content, index and vocabulary served, and the only way to change them. */
    private final ServedContent served;
    private final SearchService search;
    private final ContentEditor editor;
    /** The reply rules, with the phrasings they were checked against (see {@link #rules()}). */
    private record CheckedRules(RuleSet rules, Object phrasings) {
    }

    private final AtomicReference<CheckedRules> rules = new AtomicReference<>(new CheckedRules(RuleSet.empty(), null));
    private final ReplyChecker checker;
    private volatile Instant indexedAt = Instant.now();
    private final FolderWatcher contentWatcher;
    private final FolderWatcher vocabularyWatcher;
    private final FolderWatcher platformWatcher;
    private final FolderWatcher rulesWatcher;
    private final SharedResources shared;
    /** Whether {@link #shared} was opened for this knowledge base alone, and is closed with it. */
    private final boolean ownsShared;
    /** The meaning signal, or null when search is by words only. */
    private final MeaningSearch meaningSearch;
    private final Housekeeping.Registration looks;
    /** Held by a look for changed files and by {@link #close}, so nothing is taken in once closing began. */
    private final Object lookLock = new Object();
    private boolean closed;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KnowledgeBase.class);
    /** Why taking in changed files failed on the last look, or null. */
    private volatile String watchFailure;

    /** Where edits are written; the local folder for a read-only knowledge base. */
    private final FileHome files;
    /** The folders this knowledge base is served from (its own, or the mirror of its home). */
    private final ShopFolders folders;
    /** Told the local files each pull from the shared home changed; see {@link #onFilesPulled}. */
    private final List<Consumer<List<Path>>> pullListeners = new CopyOnWriteArrayList<>();

    /**
     * @param historyDir where the change history is kept; null for a read-only knowledge base
     * @param files where the content and history files are kept (their local folders are {@code contentDir} and
     *              {@code historyDir})
     */
    private KnowledgeBase(Path contentDir, SharedResources shared, boolean ownsShared, ServedContent.IndexOpener openIndex,
                          Path historyDir, FileHome files, ShopFolders folders) {
        this.contentDir = contentDir;
        this.folders = folders;
        this.files = files;
        this.shared = shared;
        this.ownsShared = ownsShared;
        RankingOptions options = shared.options();
        this.contentWatcher = new FolderWatcher(contentDir, FolderWatcher.contentFolders());
        this.vocabularyWatcher = new FolderWatcher(contentDir, List.of(VocabularyLoader.FOLDER));
        this.platformWatcher = shared.platform() == null ? null : new FolderWatcher(shared.platform(), List.of(VocabularyLoader.FOLDER));
        this.rulesWatcher = new FolderWatcher(contentDir, List.of(RuleSet.FOLDER));
        this.served = ServedContent.open(new ContentLoader(contentDir).load(), VocabularyLoader.load(shared.platform(), contentDir),
                options.analysis(), openIndex);
        var parser = new BuyerQueryParser(new Analyzers(options.analysis(), served::vocabulary), served::vocabulary, options);
        MeaningIndex meaning = served.index().meaning();
        this.meaningSearch = meaning == null ? null : new MeaningSearch(meaning, shared.messages().scoped());
        this.search = new SearchService(served, parser, options, meaningSearch);
        this.checker = new ReplyChecker(this::rules,
                meaningSearch == null ? null : new LikeBadPhrasing(meaning, meaningSearch::vectorOf));
        this.editor = historyDir == null ? null : new ContentEditor(contentDir, files, new HistoryStore(historyDir, files), served,
                contentWatcher::acknowledge);
        reloadRules();
        this.looks = shared.housekeeping().lookRegularly(this::pickUpChanges);
    }

    /** Loads {@code contentDir} and opens (reusing or rebuilding) the index under {@code dataDir}; words only. */
    public static KnowledgeBase open(Path contentDir, Path dataDir) {
        return open(contentDir, dataDir, RankingOptions.full(), MeaningModel.off());
    }

    /**
     * As {@link #open(Path, Path)}, ranking with the given components (some may be off, for ablation) and by meaning
     * too when the model is available: its vectors are kept in {@code dataDir/meaning}, which is also their cache. The
     * knowledge base has its own background threads.
     */
    public static KnowledgeBase open(Path contentDir, Path dataDir, RankingOptions options, MeaningModel meaning) {
        return open("default", new ShopFolders(contentDir, dataDir), SharedResources.standalone(options, meaning), true);
    }

    /**
     * A shop's knowledge base in a process of many: the model, caches, threads and the engine keeping the units are
     * {@code shared}'s.
     */
    public static KnowledgeBase open(String shop, ShopFolders folders, SharedResources shared) {
        return open(shop, folders, shared, false);
    }

    private static KnowledgeBase open(String shop, ShopFolders own, SharedResources shared, boolean ownsShared) {
        SentenceEncoder encoder = shared.usesMeaning() ? shared.meaning().encoder() : null;
        ContentHome.Opened home;
        try {
            home = shared.home().open(shop, own);
        } catch (RuntimeException e) {
            if (ownsShared) {
                closeQuietly(shared, e);
            }
            throw e;
        }
        ShopFolders folders = home.folders();
        return construct(folders.content(), shared, ownsShared, (analyzer, vocabulary, fingerprint, entries) -> {
            MeaningIndex meaning = encoder == null ? null
                    : MeaningIndex.open(folders.meaning(), encoder, shared.vectors(), entries);
            try {
                return shared.engine().open(new UnitEngine.Opening(shop, folders, analyzer, vocabulary, fingerprint, entries,
                        meaning, shared.housekeeping().scheduler()));
            } catch (RuntimeException e) {
                closeQuietly(meaning, e);
                throw e;
            }
        }, folders.history(), home.files(), folders);
    }

    /** Loads {@code contentDir} into an in-memory index that is never persisted; words only. */
    public static KnowledgeBase inMemory(Path contentDir) {
        return inMemory(contentDir, RankingOptions.full(), MeaningModel.off());
    }

    /** In memory, with the given ranking components, by meaning too when the model is available. */
    public static KnowledgeBase inMemory(Path contentDir, RankingOptions options, MeaningModel meaning) {
        SharedResources shared = SharedResources.standalone(options, meaning);
        SentenceEncoder encoder = shared.usesMeaning() ? meaning.encoder() : null;
        return construct(contentDir, shared, true,
                (analyzer, vocabulary, fingerprint, entries) -> KnowledgeIndex.inMemory(analyzer, fingerprint, entries,
                        encoder == null ? null : MeaningIndex.inMemory(encoder, entries), shared.housekeeping().scheduler()),
                null, FileHome.LOCAL, null);
    }

    /** The knowledge base, or, when it cannot open, the exception with the threads it was given closed if it owned them. */
    private static KnowledgeBase construct(Path contentDir, SharedResources shared, boolean ownsShared,
                                           ServedContent.IndexOpener openIndex, Path historyDir, FileHome files,
                                           ShopFolders folders) {
        try {
            return new KnowledgeBase(contentDir, shared, ownsShared, openIndex, historyDir, files, folders);
        } catch (RuntimeException e) {
            if (ownsShared) {
                closeQuietly(shared, e);
            }
            throw e;
        }
    }

    private static void closeQuietly(Closeable closeable, RuntimeException cause) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public SearchResponse search(SearchRequest request) {
        return search.search(request);
    }

    /** Searches with ranking lifted by what agents chose for the same message pattern. */
    public SearchResponse search(SearchRequest request, UsageVotes votes) {
        return search.search(request, votes);
    }

    /** The pattern of a message, as search keys learning by it. */
    public String pattern(String text) {
        return search.pattern(text);
    }

    /**
     * The questions of an FAQ that mean the same as a question of another FAQ (empty for other entries, or when
     * search is by words only). Editors are warned of these: buyers' messages could find either.
     *
     * @param maxQuestions at most this many of its questions are checked
     */
    public List<NearDuplicate> nearDuplicates(Entry entry, int maxQuestions) {
        if (!(entry instanceof shopkb.content.FaqEntry faq) || meaningSearch == null) {
            return List.of();
        }
        return meaningSearch.nearDuplicates(faq, served.current(), maxQuestions);
    }

    /** The meaning vector of a text, when search ranks by meaning. */
    public Optional<float[]> meaningOf(String text) {
        return meaningSearch == null ? Optional.empty() : Optional.of(meaningSearch.vectorOf(text));
    }

    public SearchService searchService() {
        return search;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(served.current().entry(id));
    }

    public Optional<Intent> intent(String id) {
        return Optional.ofNullable(served.current().content().intents().get(id));
    }

    public LoadedContent content() {
        return served.current().content();
    }

    /**
     * Where the shop's editable files are kept, and the folders it is served from: its own, or (over a cluster) the
     * local mirror of the shop's home, where other per-shop files written through {@link FileHome} belong too.
     */
    public ContentHome.Opened home() {
        if (folders == null) {
            throw new IllegalStateException("this knowledge base is in memory: it has no folders");
        }
        return new ContentHome.Opened(folders, files);
    }

    /**
     * Tells {@code listener} the local files each pull from the shared home changed (other servers' writes), so the
     * owner of other files kept through {@link #home()} reads its own again. Never called when the local folder is the
     * home. Called on the knowledge base's look thread, every second at most.
     */
    public void onFilesPulled(Consumer<List<Path>> listener) {
        pullListeners.add(listener);
    }

    /** Safe changes to the content; only a knowledge base opened with a data folder has one. */
    public ContentEditor editor() {
        if (editor == null) {
            throw new IllegalStateException("this knowledge base is read-only (in memory, no data folder)");
        }
        return editor;
    }

    public Vocabulary vocabulary() {
        return served.vocabulary();
    }

    /**
     * Re-reads the vocabulary files; when they changed, re-indexes with the new domain words and then
     * switches queries over. Runs by itself every second; callable directly.
     *
     * @return whether the vocabulary changed
     */
    public boolean reloadVocabulary() {
        boolean changed = served.reindex(VocabularyLoader.load(shared.platform(), contentDir));
        if (changed) {
            indexedAt = Instant.now();
        }
        return changed;
    }

    /** Re-reads the reply rules; bad rule files are reported in {@link #health()} and left out. */
    public void reloadRules() {
        ContentSnapshot snapshot = served.current();
        var phrasingIds = snapshot.content().entries().values().stream()
                .filter(e -> e instanceof shopkb.content.PhrasingEntry).map(Entry::id).collect(java.util.stream.Collectors.toSet());
        rules.set(new CheckedRules(RuleSet.load(contentDir, phrasingIds), snapshot.phrasingIdsByIntent()));
    }

    /**
     * The rules, checked again when phrasings were created or deleted since (the store makes a new phrasing
     * lookup whenever a phrasing changes), so a rule never names a phrasing that is gone, or is refused for one
     * that now exists.
     */
    private RuleSet rules() {
        CheckedRules current = rules.get();
        if (current.phrasings() != served.current().phrasingIdsByIntent()) {
            reloadRules();
            current = rules.get();
        }
        return current.rules();
    }

    /** Checks a draft reply against the phrasing rules. */
    public List<Finding> check(String draft, String buyerMessage, String scenario) {
        return checker.check(draft, buyerMessage, scenario);
    }

    public ReplyChecker checker() {
        return checker;
    }

    public Health health() {
        LoadedContent content = served.current().content();
        UnitIndex index = served.index();
        var report = index.openReport();
        var problems = new ArrayList<>(content.problems());
        problems.addAll(served.vocabulary().problems());
        problems.addAll(rules().problems());
        index.problems().forEach(problem -> problems.add(new ContentProblem("index", null, problem)));
        String watch = watchFailure;
        if (watch != null) {
            problems.add(new ContentProblem(contentDir.toString(), null, watch));
        }
        MeaningIndex meaning = index.meaning();
        MeaningModel meaningModel = shared.meaning();
        var meaningHealth = meaning == null
                ? new Meaning(meaningModel.available() ? "off" : meaningModel.status(),
                        meaningModel.available() ? "switched off for this knowledge base" : meaningModel.detail(), 0, 0, 0, 0, 0)
                : new Meaning("on", meaningModel.detail(), meaning.size(), meaning.openReport().reused(),
                        meaning.openReport().fromCache(), meaning.openReport().encoded(), meaning.openReport().millis());
        return new Health(content.entries().size(), content.intents().size(), content.invalidFiles(), problems,
                Duration.between(indexedAt, Instant.now()).toSeconds(), report.reused(), report.reason(), report.millis(),
                meaningHealth);
    }

    @Override
    public void close() throws IOException {
        looks.cancel();
        synchronized (lookLock) {
            closed = true;
        }
        try {
            served.close();
        } finally {
            if (ownsShared) {
                shared.close();
            }
        }
    }

    /**
     * Brings the files other servers wrote at the shared home into the local mirror, and serves the entries among them
     * at once (the vocabulary and rule watchers see theirs on this same look); the other files' owners are told theirs.
     */
    private void takeInOtherServersEdits() {
        List<Path> pulled = files.pull();
        if (pulled.isEmpty()) {
            return;
        }
        List<String> entries = pulled.stream().filter(file -> file.startsWith(contentDir))
                .map(file -> contentDir.relativize(file).toString().replace(java.io.File.separatorChar, '/')).toList();
        if (editor != null && !entries.isEmpty()) {
            editor.syncFiles(entries);
            entries.forEach(contentWatcher::acknowledge);
        }
        pullListeners.forEach(listener -> listener.accept(pulled));
    }

    /** Takes in files changed by others (a git pull, a text editor): content, vocabulary and reply rules. */
    private void pickUpChanges() {
        synchronized (lookLock) {
            if (!closed) {
                takeInChangedFiles();
            }
        }
    }

    private void takeInChangedFiles() {
        try {
            takeInOtherServersEdits();
            List<String> changed = contentWatcher.changes();
            if (editor != null && !changed.isEmpty()) {
                editor.syncFiles(changed);
            }
            boolean platformChanged = platformWatcher != null && !platformWatcher.changes().isEmpty();
            if (!vocabularyWatcher.changes().isEmpty() || platformChanged) {
                reloadVocabulary();
            }
            if (!rulesWatcher.changes().isEmpty()) {
                reloadRules();
            }
            watchFailure = null;
        } catch (RuntimeException e) {
            // A half-written file is read again on the next tick; the last good content stays in use.
            if (watchFailure == null) {
                LOG.warn("taking in changed files failed (retried every second): {}", e.toString());
            }
            watchFailure = "taking in changed files failed: " + e;
        }
    }
}
