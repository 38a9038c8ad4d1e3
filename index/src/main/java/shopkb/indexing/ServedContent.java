package shopkb.indexing;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import shopkb.analysis.AnalysisOptions;
import shopkb.analysis.Analyzers;
import shopkb.analysis.Vocabulary;
import shopkb.content.ContentFingerprint;
import shopkb.content.ContentProblem;
import shopkb.content.ContentSnapshot;
import shopkb.content.Entry;
import shopkb.content.LoadedContent;

/**
 * The one owner of what a shop serves: the content snapshot, the index built from it (with its meaning vectors), the
 * vocabulary both were analysed with, and the index's build fingerprint, changed together under one lock. Its only
 * ways in are {@link #applyOne}, {@link #applyBatch}, {@link #replaceAll} and {@link #reindex}: whoever writes files
 * (the editor) or reads files others changed calls one of them, so the snapshot, the index and the fingerprint the
 * index commits always describe the same content. Readers take the current snapshot and never lock.
 */
public final class ServedContent implements Closeable {

    /** One file of a change: its path in the content folder and its bytes before and after (null: absent). */
    public record FileChange(String path, byte[] before, byte[] after) {
    }

    /**
     * Several entries changed at once, indexed with one commit.
     *
     * @param upserts entries added or replaced
     * @param deletes ids of entries no longer served
     * @param files the files of the change: their earlier problems are replaced by {@code problems}
     * @param problems problems found in those files (their entries are not served)
     * @param exact whether {@code files} carry their bytes (the server wrote them); false for files others changed, whose
     *              earlier bytes are gone: the fingerprint is then marked stale, so the next start checks every file
     */
    public record Batch(List<Entry> upserts, List<String> deletes, List<FileChange> files, List<ContentProblem> problems,
                        boolean exact) {

        /** Files the server wrote, each with an entry. */
        public static Batch written(List<Entry> upserts, List<FileChange> files) {
            return new Batch(upserts, List.of(), files, List.of(), true);
        }

        /** Files others changed, as read again: entries found valid, entries gone or now invalid, and the files' problems. */
        public static Batch readFromDisk(List<Entry> upserts, List<String> deletes, Collection<String> paths,
                                         List<ContentProblem> problems) {
            return new Batch(upserts, deletes, paths.stream().map(p -> new FileChange(p, null, null)).toList(), problems, false);
        }
    }

    /**
     * Opens (reuses or builds) the index of some content; called once, with what the index must be built from: the
     * analyzer of the embedded engine (it reads the vocabulary this object switches), the vocabulary itself (for engines
     * that analyse elsewhere), the build fingerprint and the entries.
     */
    @FunctionalInterface
    public interface IndexOpener {
        UnitIndex open(Analyzer analyzer, Vocabulary vocabulary, String fingerprint, Collection<Entry> entries);
    }

    private volatile ContentSnapshot snapshot;
    private final UnitIndex index;
    /** What the index was analysed with; switched before a re-index. */
    private final AtomicReference<Vocabulary> indexVocabulary;
    /** What queries are analysed with; switched after the re-index is visible, so both always agree. */
    private final AtomicReference<Vocabulary> queryVocabulary;

    private ServedContent(LoadedContent content, Vocabulary vocabulary, AnalysisOptions analysis, IndexOpener opener) {
        this.snapshot = ContentSnapshot.of(content);
        this.indexVocabulary = new AtomicReference<>(vocabulary);
        this.queryVocabulary = new AtomicReference<>(vocabulary);
        Analyzer analyzer = new Analyzers(analysis, indexVocabulary::get).perField(Fields.WORD_FIELDS, Fields.PINYIN_FIELDS);
        this.index = opener.open(analyzer, vocabulary, fingerprint(content, vocabulary), content.entries().values());
    }

    /**
     * @param analysis how the index analyses text (the vocabulary in use is this object's)
     * @param opener opens the index for the content and vocabulary, reusing a persisted one built from the same
     */
    public static ServedContent open(LoadedContent content, Vocabulary vocabulary, AnalysisOptions analysis, IndexOpener opener) {
        return new ServedContent(content, vocabulary, analysis, opener);
    }

    /** The content served now. */
    public ContentSnapshot current() {
        return snapshot;
    }

    /** The vocabulary queries are analysed with (the index's, once a re-index is visible). */
    public Vocabulary vocabulary() {
        return queryVocabulary.get();
    }

    /** The index, for searching and for its health; it is changed only through this object. */
    public UnitIndex index() {
        return index;
    }

    /** One entry's file was written or deleted: {@code previous} (null: new) becomes {@code next} (null: deleted). */
    public synchronized void applyOne(Entry previous, Entry next, FileChange file) {
        LoadedContent content = snapshot.content();
        ContentFingerprint fingerprint = toggled(content.fingerprint(), file);
        if (next != null) {
            snapshot = snapshot.after(content.with(next, fingerprint), previous, next);
            index.upsert(next, fingerprint(snapshot.content(), vocabulary()));
        } else {
            snapshot = snapshot.after(content.without(previous, fingerprint), previous, null);
            index.delete(previous.id(), fingerprint(snapshot.content(), vocabulary()));
        }
    }

    /** Several entries at once (an import, files changed by others), with one index commit. */
    public synchronized void applyBatch(Batch batch) {
        LoadedContent content = snapshot.content();
        ContentFingerprint fingerprint = content.fingerprint();
        LoadedContent next = content;
        for (String id : batch.deletes()) {
            Entry gone = next.entries().get(id);
            if (gone != null) {
                next = next.without(gone, fingerprint);
            }
        }
        for (Entry entry : batch.upserts()) {
            next = next.with(entry, fingerprint);
        }
        Set<String> paths = new HashSet<>();
        for (FileChange file : batch.files()) {
            paths.add(file.path());
            if (batch.exact()) {
                fingerprint = toggled(fingerprint, file);
            }
        }
        if (!batch.exact()) {
            fingerprint = fingerprint.markedStale();
        }
        var problems = new ArrayList<>(content.problems().stream().filter(p -> !paths.contains(p.file())).toList());
        problems.addAll(batch.problems());
        snapshot = ContentSnapshot.of(new LoadedContent(content.intents(), next.entries(), problems, fingerprint));
        index.apply(batch.upserts(), batch.deletes(), fingerprint(snapshot.content(), vocabulary()));
    }

    /**
     * The whole content read again (intents or products changed, which other entries refer to): served as read, and
     * only the entries that differ are re-indexed.
     *
     * @return number of entries added, changed or removed
     */
    public synchronized int replaceAll(LoadedContent fresh) {
        LoadedContent current = snapshot.content();
        if (fresh.fingerprint().hex().equals(current.fingerprint().hex())) {
            return 0;
        }
        var upserts = fresh.entries().values().stream()
                .filter(e -> !Objects.equals(e, current.entries().get(e.id()))).toList();
        var deletes = current.entries().keySet().stream().filter(id -> !fresh.entries().containsKey(id)).toList();
        snapshot = ContentSnapshot.of(fresh);
        index.apply(upserts, deletes, fingerprint(fresh, vocabulary()));
        return upserts.size() + deletes.size();
    }

    /**
     * Re-indexes every entry with a changed vocabulary (domain words change how text is segmented), then switches
     * queries over. Edits wait meanwhile: one landing between reading the entries and re-indexing them would vanish
     * from the index, and the commit would name content the index lacks.
     *
     * @return whether the vocabulary differed from the one in use
     */
    public synchronized boolean reindex(Vocabulary fresh) {
        if (fresh.fingerprint().equals(queryVocabulary.get().fingerprint())) {
            return false;
        }
        indexVocabulary.set(fresh);
        LoadedContent content = snapshot.content();
        index.reindex(content.entries().values(), fingerprint(content, fresh), fresh);
        queryVocabulary.set(fresh);
        return true;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    /** What the index is built from: the content's files and the vocabulary (the index adds its own format). */
    private static String fingerprint(LoadedContent content, Vocabulary vocabulary) {
        return content.fingerprint().hex() + "+" + vocabulary.fingerprint();
    }

    private static ContentFingerprint toggled(ContentFingerprint fingerprint, FileChange file) {
        ContentFingerprint next = fingerprint;
        if (file.before() != null) {
            next = next.toggle(file.path(), file.before());
        }
        if (file.after() != null) {
            next = next.toggle(file.path(), file.after());
        }
        return next;
    }
}
