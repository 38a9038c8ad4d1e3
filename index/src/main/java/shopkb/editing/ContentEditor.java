package shopkb.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import shopkb.content.ContentFormat;
import shopkb.content.ContentSnapshot;
import shopkb.content.ContentValidator;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.FieldProblem;
import shopkb.content.LoadedContent;
import shopkb.content.ProductEntry;
import shopkb.indexing.ServedContent;

/**
 * Changes the knowledge base's files safely: validates, refuses stale copies (version tags), writes the file durably
 * before returning (at the files' {@link FileHome}: the local folder, or a cluster every server shares), records the
 * change in the history, and hands it to the served content's owner ({@link ServedContent}), which makes it searchable
 * at once. Also takes in changes made to the files by others (a git pull, a text editor, another server). One change of
 * files at a time in this server; between servers, the home refuses a write over a change this server has not seen.
 */
public final class ContentEditor {

    /** An entry with the version tag an editor must send back to change it. */
    public record Versioned(Entry entry, String etag) {
    }

    /** One entry of a batch that was accepted, and whether it was new. */
    public record Applied(Entry entry, boolean created) {
    }

    private final Path contentDir;
    private final FileHome files;
    private final HistoryStore history;
    private final ServedContent served;
    private final java.util.function.Consumer<String> acknowledge;
    private final DiskChanges diskChanges;

    /**
     * @param files where the content files are kept ({@code contentDir} is their local folder or mirror)
     * @param acknowledge told each file the editor wrote, so a folder watcher does not reload it
     */
    public ContentEditor(Path contentDir, FileHome files, HistoryStore history, ServedContent served,
                         java.util.function.Consumer<String> acknowledge) {
        this.contentDir = contentDir;
        this.files = files;
        this.history = history;
        this.served = served;
        this.acknowledge = acknowledge;
        this.diskChanges = new DiskChanges(contentDir, served, this::validator);
    }

    public Optional<Versioned> read(String id) {
        return Optional.ofNullable(served.current().entry(id)).map(e -> new Versioned(e, EntryCodec.etag(e)));
    }

    public List<HistoryRecord> history(String id) {
        return history.list(id);
    }

    public synchronized Versioned create(Entry entry, String by) {
        if (served.current().entry(entry.id()) != null) {
            throw new EntryExistsException(entry.id());
        }
        refuseOverwritingAnInvalidFile(entry);
        validate(entry, null);
        write(null, null, entry, by, "create");
        return new Versioned(entry, EntryCodec.etag(entry));
    }

    public synchronized Versioned update(String id, Entry entry, String ifMatch, String by) {
        Current read = current(id, ifMatch);
        Entry current = read.entry();
        if (!entry.id().equals(id)) {
            throw new ValidationFailedException(List.of(new FieldProblem("id", "must be '" + id + "', the id in the path")));
        }
        if (entry.type() != current.type()) {
            throw new ValidationFailedException(List.of(new FieldProblem("type",
                    "an entry's type cannot change (" + current.typeName() + "); delete it and create a new one")));
        }
        validate(entry, current);
        write(current, read.bytes(), entry, by, "update");
        return new Versioned(entry, EntryCodec.etag(entry));
    }

    /**
     * Adds a buyer's message as a similar question of the intent's FAQ (the first in id order), so that message
     * and its neighbours find the intent from now on. A question the FAQ already has is not added twice.
     *
     * @return the FAQ as it is now, or empty when the intent has no FAQ yet (a new entry is needed)
     */
    public synchronized Optional<Versioned> addSimilarQuestion(String intent, String question, String by) {
        Optional<FaqEntry> found = served.current().content().entries().values().stream()
                .filter(e -> e instanceof FaqEntry f && intent.equals(f.intent())).map(e -> (FaqEntry) e).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FaqEntry faq = found.get();
        String text = question.strip();
        if (faq.allQuestions().contains(text)) {
            return Optional.of(new Versioned(faq, EntryCodec.etag(faq)));
        }
        var similar = new java.util.ArrayList<>(faq.similar());
        similar.add(text);
        FaqEntry updated = new FaqEntry(faq.id(), faq.intent(), faq.scenario(), faq.question(), similar, faq.answer(),
                faq.note(), faq.tags(), faq.products(), faq.negatives());
        return Optional.of(update(faq.id(), updated, EntryCodec.etag(faq), by));
    }

    public synchronized void delete(String id, String ifMatch, String by) {
        Current read = current(id, ifMatch);
        Entry current = read.entry();
        if (current instanceof ProductEntry product) {
            String users = served.current().content().entries().values().stream()
                    .filter(e -> e.productCodes().contains(product.code()) && !e.id().equals(id))
                    .map(Entry::id).collect(Collectors.joining(", "));
            if (!users.isEmpty()) {
                throw new ValidationFailedException(List.of(new FieldProblem("code",
                        "product " + product.code() + " is still named by " + users + "; change those first")));
            }
        }
        write(current, read.bytes(), null, by, "delete");
    }

    /** Makes an earlier version current again, as a new change (the history keeps everything). */
    public synchronized Versioned restore(String id, int version, String ifMatch, String by) {
        HistoryRecord record = history.list(id).stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> new ValidationFailedException(List.of(new FieldProblem("version",
                        "entry '" + id + "' has no version " + version))));
        String text = record.content() != null ? record.content() : record.previous();
        if (text == null) {
            throw new ValidationFailedException(List.of(new FieldProblem("version", "version " + version + " has no content")));
        }
        Entry current = served.current().entry(id);
        Entry restored = parse(text, (current != null ? current : guessType(record)).getClass());
        if (current == null) {
            refuseOverwritingAnInvalidFile(restored);
            validate(restored, null);
            write(null, null, restored, by, "restore");
        } else {
            Current read = current(id, ifMatch);
            validate(restored, read.entry());
            write(read.entry(), read.bytes(), restored, by, "restore");
        }
        return new Versioned(restored, EntryCodec.etag(restored));
    }

    /** Validates a batch against the content as it would be after the batch; nothing is written. */
    public synchronized Map<Integer, List<FieldProblem>> check(List<Entry> batch) {
        var problems = new java.util.LinkedHashMap<Integer, List<FieldProblem>>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < batch.size(); i++) {
            Entry entry = batch.get(i);
            var found = new ArrayList<>(validator().validate(entry));
            found.addAll(ContentValidator.textProblems(entry));
            Entry current = served.current().entry(entry.id());
            if (current != null && current.type() != entry.type()) {
                found.add(new FieldProblem("type", "id '" + entry.id() + "' is a " + current.typeName() + " already"));
            }
            if (!seen.add(entry.id())) {
                found.add(new FieldProblem("id", "id '" + entry.id() + "' appears twice in the import"));
            }
            if (current == null) {
                invalidFileProblems(entry).ifPresent(p -> found.add(new FieldProblem("id",
                        LoadedContent.relativePath(entry) + " exists but could not be loaded (" + p + "); fix or delete it first")));
            }
            if (!found.isEmpty()) {
                problems.put(i, found);
            }
        }
        return problems;
    }

    /**
     * Writes a batch that {@link #check} accepted: every file is written before any is indexed, and the
     * batch is indexed with one commit.
     */
    public synchronized List<Applied> applyAll(List<Entry> batch, String by, String action) {
        if (!check(batch).isEmpty()) {
            throw new ValidationFailedException(List.of(new FieldProblem("rows", "the batch has rejected rows; nothing was written")));
        }
        var applied = new ArrayList<Applied>();
        var written = new ArrayList<ServedContent.FileChange>();
        ContentSnapshot before = served.current();
        try {
            for (Entry entry : batch) {
                byte[] bytes = EntryCodec.toYaml(entry);
                String relative = LoadedContent.relativePath(entry);
                byte[] old = readBytes(relative);
                writeFile(entry, relative, old, bytes, before.entry(entry.id()));
                history.append(entry.id(), by, action, new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                        old == null ? null : new String(old, java.nio.charset.StandardCharsets.UTF_8));
                written.add(new ServedContent.FileChange(relative, old, bytes));
                applied.add(new Applied(entry, before.entry(entry.id()) == null));
            }
        } finally {
            // What was written before a refused row is kept (it is at home), so it is served too.
            if (!written.isEmpty()) {
                served.applyBatch(ServedContent.Batch.written(applied.stream().map(Applied::entry).toList(), written));
            }
        }
        return applied;
    }

    /**
     * Takes in changes made to the files by others: reloads the folder and applies only what differs.
     *
     * @return number of entries added, changed or removed
     */
    public synchronized int syncFromDisk() {
        return diskChanges.reloadAll();
    }

    /**
     * Takes in files changed by others, one by one (see {@link DiskChanges#apply}).
     *
     * @param paths content-relative paths of changed, added or removed files
     */
    public synchronized void syncFiles(List<String> paths) {
        diskChanges.apply(paths);
    }

    /** A new entry's file must not exist already as a file that failed to load: creating would overwrite it. */
    private void refuseOverwritingAnInvalidFile(Entry entry) {
        invalidFileProblems(entry).ifPresent(problems ->
                { throw new EntryExistsException(entry.id(), LoadedContent.relativePath(entry), problems); });
    }

    /** The load problems of the entry's file when it exists on disk without being served. */
    private Optional<String> invalidFileProblems(Entry entry) {
        String relative = LoadedContent.relativePath(entry);
        if (!java.nio.file.Files.exists(contentDir.resolve(relative))) {
            return Optional.empty();
        }
        String problems = served.current().content().problems().stream().filter(p -> p.file().equals(relative))
                .map(p -> (p.field() == null ? "" : p.field() + ": ") + p.problem()).collect(Collectors.joining("; "));
        return Optional.of(problems.isEmpty() ? "not loaded yet" : problems);
    }

    /** An entry as it stands, and its file's bytes as read from its home. */
    private record Current(Entry entry, byte[] bytes) {
    }

    /** The entry as it stands (read from its home), checked against the editor's version tag. */
    private Current current(String id, String ifMatch) {
        Entry current = served.current().entry(id);
        if (current == null) {
            throw new EntryNotFoundException(id);
        }
        // The file may have been changed on disk (or by another server) since the last reload: it is the truth.
        byte[] fresh = files.fresh(contentDir.resolve(LoadedContent.relativePath(current)));
        if (fresh == null) {
            syncFiles(List.of(LoadedContent.relativePath(current))); // deleted meanwhile: by hand, or on another server
            throw new EntryNotFoundException(id);
        }
        Entry onDisk = fresh == null ? null : readEntryText(new String(fresh, java.nio.charset.StandardCharsets.UTF_8), current.getClass());
        if (onDisk != null && !onDisk.equals(current)) {
            syncFiles(List.of(LoadedContent.relativePath(current)));
            current = served.current().entry(id);
            if (current == null) {
                throw new EntryNotFoundException(id);
            }
        }
        if (!"*".equals(ifMatch) && !EntryCodec.etag(current).equals(ifMatch)) {
            throw conflict(current);
        }
        return new Current(current, fresh);
    }

    /** The conflict an editor sees for a stale copy of {@code current}, naming who changed it last when known. */
    private VersionConflictException conflict(Entry current) {
        List<HistoryRecord> records = history.list(current.id());
        HistoryRecord last = records.isEmpty() ? null : records.getLast();
        boolean lastIsCurrent = last != null && last.content() != null && readEntryText(last.content(), current.getClass()) != null
                && current.equals(readEntryText(last.content(), current.getClass()));
        return new VersionConflictException(current.id(), EntryCodec.etag(current),
                lastIsCurrent ? last.by() : "someone editing the file directly", lastIsCurrent ? last.at() : null);
    }

    private ContentValidator validator() {
        ContentSnapshot snapshot = served.current();
        return new ContentValidator(snapshot.content().intents().keySet(), snapshot.productCodes());
    }

    private void validate(Entry entry, Entry replacing) {
        var problems = new ArrayList<>(ContentValidator.textProblems(entry));
        problems.addAll(validator().validate(entry));
        if (entry instanceof ProductEntry product) {
            // Products are few; scanning them for a clash or a reference is cheap.
            served.current().content().entries().values().stream()
                    .filter(e -> e instanceof ProductEntry p && p.code().equals(product.code()) && !e.id().equals(entry.id()))
                    .findFirst()
                    .ifPresent(e -> problems.add(new FieldProblem("code", "product code " + product.code() + " is already used by " + e.id())));
            if (replacing instanceof ProductEntry old && !old.code().equals(product.code())) {
                boolean named = served.current().content().entries().values().stream()
                        .anyMatch(e -> e instanceof FaqEntry && e.productCodes().contains(old.code()));
                if (named) {
                    problems.add(new FieldProblem("code", "product code " + old.code() + " is named by FAQ entries; it cannot change"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    /**
     * Writes (or, for {@code next == null}, deletes) one entry's file, records it, and applies it.
     *
     * @param old the file as the decision read it (null: none)
     */
    private void write(Entry previous, byte[] old, Entry next, String by, String action) {
        Entry subject = next != null ? next : previous;
        String relative = LoadedContent.relativePath(subject);
        byte[] bytes = next == null ? null : EntryCodec.toYaml(next);
        writeFile(subject, relative, old, bytes, previous);
        history.append(subject.id(), by, action,
                bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                old == null ? null : new String(old, java.nio.charset.StandardCharsets.UTF_8));
        served.applyOne(previous, next, new ServedContent.FileChange(relative, old, bytes));
    }

    /**
     * Writes (for {@code bytes == null} deletes) an entry's file at its home. When the home refuses (another server
     * changed the file since this one read it), the home's version is taken in and the editor is told as if it had
     * lost a race here: the entry exists, was changed, or is gone.
     *
     * @param old the file as the decision read it (null: none)
     * @param previous the entry as this server has it, or null when it is new here
     */
    private void writeFile(Entry subject, String relative, byte[] old, byte[] bytes, Entry previous) {
        try {
            files.write(contentDir.resolve(relative), old, bytes);
        } catch (StaleCopyException e) {
            syncFiles(List.of(relative));
            Entry now = served.current().entry(subject.id());
            if (now == null) {
                throw previous == null ? new EntryExistsException(subject.id()) : new EntryNotFoundException(subject.id());
            }
            throw previous == null ? new EntryExistsException(subject.id()) : conflict(now);
        } finally {
            acknowledge.accept(relative);
        }
    }

    private byte[] readBytes(String relative) {
        return AtomicFiles.readIfExists(contentDir.resolve(relative));
    }

    private static Entry readEntryText(String text, Class<? extends Entry> type) {
        try {
            return ContentFormat.mapper().readValue(text, type);
        } catch (IOException e) {
            return null;
        }
    }

    private static Entry parse(String text, Class<? extends Entry> type) {
        Entry entry = readEntryText(text, type);
        if (entry == null) {
            throw new ValidationFailedException(List.of(new FieldProblem("version", "that version cannot be read back")));
        }
        return entry;
    }

    /** The type of a deleted entry, from the file text of one of its versions. */
    private static Entry guessType(HistoryRecord record) {
        String text = record.content() != null ? record.content() : record.previous();
        for (var type : shopkb.content.EntryType.values()) {
            Entry entry = readEntryText(text, ContentFormat.classOf(type));
            if (entry != null) {
                return entry;
            }
        }
        throw new ValidationFailedException(List.of(new FieldProblem("version", "that version cannot be read back")));
    }
}
