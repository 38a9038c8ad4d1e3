package shopkb.editing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import shopkb.content.ContentFingerprint;
import shopkb.content.ContentFormat;
import shopkb.content.ContentLoader;
import shopkb.content.ContentProblem;
import shopkb.content.ContentStore;
import shopkb.content.ContentValidator;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.content.FieldProblem;
import shopkb.content.LoadedContent;
import shopkb.indexing.KnowledgeIndex;

/**
 * Takes in changes made to the content files by others (a git pull, a text editor): re-reads what changed,
 * validates it, and brings the served content and the index up to date. Called by {@link ContentEditor}
 * under its lock, so it never interleaves with an edit.
 */
final class DiskChanges {

    private final Path contentDir;
    private final ContentStore store;
    private final KnowledgeIndex index;
    private final Supplier<String> vocabularyFingerprint;
    private final Supplier<ContentValidator> validators;

    DiskChanges(Path contentDir, ContentStore store, KnowledgeIndex index, Supplier<String> vocabularyFingerprint,
                Supplier<ContentValidator> validators) {
        this.contentDir = contentDir;
        this.store = store;
        this.index = index;
        this.vocabularyFingerprint = vocabularyFingerprint;
        this.validators = validators;
    }

    /**
     * Takes in changes made to the files by others: reloads the folder and applies only what differs.
     *
     * @return number of entries added, changed or removed
     */
    int reloadAll() {
        LoadedContent fresh = new ContentLoader(contentDir).load();
        LoadedContent current = store.current().content();
        if (fresh.fingerprint().hex().equals(current.fingerprint().hex())) {
            return 0;
        }
        var upserts = fresh.entries().values().stream()
                .filter(e -> !Objects.equals(e, current.entries().get(e.id()))).toList();
        var deletes = current.entries().keySet().stream().filter(id -> !fresh.entries().containsKey(id)).toList();
        store.replace(fresh);
        index.apply(upserts, deletes, fresh.fingerprint().hex() + "+" + vocabularyFingerprint.get());
        return upserts.size() + deletes.size();
    }

    /**
     * Takes in files changed by others, one by one: entries are re-read and re-validated, and search follows.
     * A change to intents or products (which other entries refer to) reloads everything. The index's
     * commit is then marked stale, so the next start rebuilds it from the files instead of trusting it.
     *
     * @param paths content-relative paths of changed, added or removed files
     */
    void apply(List<String> paths) {
        if (paths.stream().anyMatch(p -> p.startsWith(ContentFormat.INTENTS_FOLDER + "/")
                || p.startsWith(EntryType.PRODUCT.folder() + "/"))) {
            reloadAll();
            return;
        }
        LoadedContent content = store.current().content();
        var entries = new java.util.HashMap<>(content.entries());
        var problems = new ArrayList<>(content.problems());
        var upserts = new ArrayList<Entry>();
        var deletes = new ArrayList<String>();
        ContentValidator validator = validators.get();
        for (String relative : paths) {
            if (!relative.endsWith(ContentFormat.EXTENSION) || relative.contains("/.")) {
                continue;
            }
            String folder = relative.substring(0, relative.indexOf('/'));
            var type = EntryType.fromName(folder).orElse(null);
            if (type == null) {
                continue;
            }
            String id = relative.substring(folder.length() + 1, relative.length() - ContentFormat.EXTENSION.length());
            problems.removeIf(p -> p.file().equals(relative));
            byte[] bytes = readBytes(relative);
            Entry previous = entries.get(id);
            if (bytes == null) {
                if (previous != null && previous.type() == type) {
                    entries.remove(id);
                    deletes.add(id);
                }
                continue;
            }
            var found = new ArrayList<FieldProblem>();
            Entry entry = null;
            try {
                entry = ContentFormat.mapper().readValue(new String(bytes, StandardCharsets.UTF_8),
                        ContentFormat.classOf(type));
                if (entry == null) {
                    found.add(new FieldProblem(null, "file is empty"));
                } else {
                    found.addAll(validator.validate(entry));
                    if (!id.equals(entry.id())) {
                        found.add(new FieldProblem("id", "id '" + entry.id() + "' does not match the file name"));
                    }
                }
            } catch (IOException e) {
                found.add(new FieldProblem(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? ContentFormat.fieldOf(j) : null, e.getMessage().split("\n")[0]));
            }
            if (found.isEmpty()) {
                entries.put(id, entry);
                upserts.add(entry);
            } else {
                found.forEach(p -> problems.add(new ContentProblem(relative, p.field(), p.problem())));
                if (previous != null) {
                    entries.remove(id);
                    deletes.add(id);
                }
            }
        }
        if (upserts.isEmpty() && deletes.isEmpty() && problems.equals(content.problems())) {
            return;
        }
        // The fingerprint no longer describes the files exactly: a restart re-checks them and rebuilds.
        ContentFingerprint stale = content.fingerprint().toggle("changed on disk", String.valueOf(System.nanoTime()).getBytes());
        store.replace(new LoadedContent(content.intents(), entries, problems, stale));
        index.apply(upserts, deletes, stale.hex() + "+" + vocabularyFingerprint.get());
    }

    private byte[] readBytes(String relative) {
        return AtomicFiles.readIfExists(contentDir.resolve(relative));
    }
}
