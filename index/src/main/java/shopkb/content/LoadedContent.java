package shopkb.content;

import java.util.List;
import java.util.Map;
import org.pcollections.TreePMap;

/**
 * The result of loading a content directory: the valid intents and entries, and the problems of the rest.
 *
 * @param entries valid entries by id, in id order
 * @param fingerprint identifies every content file, used to decide whether a persisted index is current
 */
public record LoadedContent(
        Map<String, Intent> intents,
        Map<String, Entry> entries,
        List<ContentProblem> problems,
        ContentFingerprint fingerprint) {

    public LoadedContent {
        intents = Map.copyOf(intents);
        // Persistent: with() and without() share all but O(log n) nodes with this content.
        entries = entries instanceof TreePMap<String, Entry> persistent ? persistent : TreePMap.from(entries);
        problems = List.copyOf(problems);
    }

    /** The file an entry lives in, relative to the content folder. */
    public static String relativePath(Entry entry) {
        return entry.type().folder() + "/" + entry.id() + ContentFormat.EXTENSION;
    }

    /** This content with one entry added or replaced, its file's earlier problems cleared. */
    public LoadedContent with(Entry entry, ContentFingerprint newFingerprint) {
        var next = ((TreePMap<String, Entry>) entries).plus(entry.id(), entry);
        String file = relativePath(entry);
        return new LoadedContent(intents, next, problems.stream().filter(p -> !p.file().equals(file)).toList(), newFingerprint);
    }

    /** This content without one entry. */
    public LoadedContent without(Entry entry, ContentFingerprint newFingerprint) {
        var next = ((TreePMap<String, Entry>) entries).minus(entry.id());
        String file = relativePath(entry);
        return new LoadedContent(intents, next, problems.stream().filter(p -> !p.file().equals(file)).toList(), newFingerprint);
    }

    /** Number of files that were rejected (a file with several problems counts once). */
    public int invalidFiles() {
        return (int) problems.stream().map(ContentProblem::file).distinct().count();
    }
}
