package shopkb;

import java.nio.file.Path;

/**
 * Where one shop's files live: its content folder (the source of truth, plain YAML a team may keep in git) and its data
 * folder, in which each kind of state has the one name defined here.
 *
 * @param content intents, entries, vocabulary and reply rules
 * @param data the index, the meaning vectors, the history, the usage log and the agents' own phrasings
 */
public record ShopFolders(Path content, Path data) {

    public static final String INDEX = "index";
    public static final String MEANING = "meaning";
    public static final String HISTORY = "history";
    public static final String USAGE_LOG = "usage.db";
    public static final String PERSONAL = "personal";

    /** The Lucene index of the content: rebuilt from content whenever it is missing or stale. */
    public Path index() {
        return data.resolve(INDEX);
    }

    /** The meaning vectors of the content's texts (also this shop's cache of them). */
    public Path meaning() {
        return data.resolve(MEANING);
    }

    /** Every change of every entry, one JSON Lines file per entry. */
    public Path history() {
        return data.resolve(HISTORY);
    }

    /** Searches and agents' feedback (SQLite). */
    public Path usageLog() {
        return data.resolve(USAGE_LOG);
    }

    /** The agents' own phrasings and their suggestions to the team. */
    public Path personal() {
        return data.resolve(PERSONAL);
    }
}
