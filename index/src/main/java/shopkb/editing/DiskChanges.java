package shopkb.editing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import shopkb.content.ContentFormat;
import shopkb.content.ContentLoader;
import shopkb.content.ContentProblem;
import shopkb.content.ContentValidator;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.content.FieldProblem;
import shopkb.content.LoadedContent;
import shopkb.indexing.ServedContent;

/**
 * Takes in changes made to the content files by others (a git pull, a text editor): re-reads what changed,
 * validates it, and hands the result to the served content's owner. Called by {@link ContentEditor} under its lock,
 * so it never interleaves with an edit.
 */
final class DiskChanges {

    private final Path contentDir;
    private final ServedContent served;
    private final Supplier<ContentValidator> validators;

    DiskChanges(Path contentDir, ServedContent served, Supplier<ContentValidator> validators) {
        this.contentDir = contentDir;
        this.served = served;
        this.validators = validators;
    }

    /**
     * Takes in changes made to the files by others: reloads the folder and applies only what differs.
     *
     * @return number of entries added, changed or removed
     */
    int reloadAll() {
        return served.replaceAll(new ContentLoader(contentDir).load());
    }

    /**
     * Takes in files changed by others, one by one: entries are re-read and re-validated, and search follows.
     * A change to intents or products (which other entries refer to) reloads everything.
     *
     * @param paths content-relative paths of changed, added or removed files
     */
    void apply(List<String> paths) {
        if (paths.stream().anyMatch(p -> p.startsWith(ContentFormat.INTENTS_FOLDER + "/")
                || p.startsWith(EntryType.PRODUCT.folder() + "/"))) {
            reloadAll();
            return;
        }
        LoadedContent content = served.current().content();
        var read = new ArrayList<String>();
        var problems = new ArrayList<ContentProblem>();
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
            read.add(relative);
            byte[] bytes = readBytes(relative);
            Entry previous = content.entries().get(id);
            if (bytes == null) {
                if (previous != null && previous.type() == type) {
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
                upserts.add(entry);
            } else {
                found.forEach(p -> problems.add(new ContentProblem(relative, p.field(), p.problem())));
                if (previous != null) {
                    deletes.add(id);
                }
            }
        }
        var earlierProblems = content.problems().stream().filter(p -> read.contains(p.file())).toList();
        if (upserts.isEmpty() && deletes.isEmpty() && problems.equals(earlierProblems)) {
            return;
        }
        served.applyBatch(ServedContent.Batch.readFromDisk(upserts, deletes, read, problems));
    }

    private byte[] readBytes(String relative) {
        return AtomicFiles.readIfExists(contentDir.resolve(relative));
    }
}
