package shopkb.content;

import java.util.List;
import java.util.Map;

/**
 * The result of loading a content directory: the valid intents and entries, and the problems of the rest.
 *
 * @param entries valid entries by id, in id order
 * @param fingerprint digest of every content file, used to decide whether a persisted index is current
 */
public record LoadedContent(
        Map<String, Intent> intents,
        Map<String, Entry> entries,
        List<ContentProblem> problems,
        String fingerprint) {

    public LoadedContent {
        intents = Map.copyOf(intents);
        entries = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(entries));
        problems = List.copyOf(problems);
    }

    /** Number of files that were rejected (a file with several problems counts once). */
    public int invalidFiles() {
        return (int) problems.stream().map(ContentProblem::file).distinct().count();
    }
}
