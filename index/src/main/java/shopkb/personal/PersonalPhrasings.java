package shopkb.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import shopkb.content.ContentFingerprint;
import shopkb.content.ContentValidator;
import shopkb.content.FieldProblem;
import shopkb.editing.AtomicFiles;
import shopkb.editing.EntryNotFoundException;
import shopkb.editing.FileHome;
import shopkb.editing.HistoryRecord;
import shopkb.editing.HistoryStore;
import shopkb.editing.ValidationFailedException;
import shopkb.editing.VersionConflictException;

/**
 * One shop's agents' own phrasings and their suggestions to the team, the one owner of the shop's {@code personal/}
 * folder. Stored as durably as content, through the shop's {@link FileHome}: each agent's phrasings are one file written
 * atomically and forced to disk before a change is acknowledged, every change is in the agent's history (one JSON Lines
 * file per phrasing), and suggestions are an append-only log. Over a cluster the folder is the local mirror of files the
 * cluster keeps: a change is decided on the file as the cluster holds it and written only if no other server changed it
 * meanwhile, and what other servers wrote is taken in when the shop pulls ({@link #takeInPulled}). Nothing here is ever
 * shown to anyone but its owner, except what the owner suggests, which the shop's editors see.
 *
 * <pre>
 * personal/agent-NAME/phrasings.json        the agent's phrasings
 * personal/agent-NAME/history/ID.jsonl      every change of each
 * personal/suggestions.jsonl                suggested, accepted, dismissed
 * </pre>
 */
public final class PersonalPhrasings {

    /** At most this many phrasings per agent: a 千牛 快捷短语 list is a few hundred at most. */
    public static final int MAX_PER_AGENT = 500;
    /** Longest note an agent adds to a suggestion. */
    public static final int MAX_NOTE_CHARS = 200;
    private static final String PHRASINGS = "phrasings.json";
    private static final String HISTORY = "history";
    private static final String SUGGESTIONS = "suggestions.jsonl";
    private static final String AGENT_PREFIX = "agent-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ContentValidator VALIDATOR = new ContentValidator(Set.of(), Set.of());

    /** What an agent's file holds. */
    private record AgentFile(List<PersonalPhrasing> phrasings) {
    }

    /** One line of the suggestions log. */
    private record SuggestionEvent(String event, Suggestion suggestion) {
    }

    /** A phrasing with the version tag its owner must send back to change it. */
    public record Versioned(PersonalPhrasing phrasing, String etag) {
    }

    /** A change of an agent's list, decided on the list as it is: the list after it, and the phrasing before and after. */
    private record Change(Map<String, PersonalPhrasing> next, PersonalPhrasing before, PersonalPhrasing after, String action) {
    }

    private final Path dir;
    private final FileHome files;
    /**
     * Each agent's phrasings by id (a map never changed once in here), read on first use. Read without this store's
     * lock, so a search never waits for a save (over a cluster, a round trip to it); changed under the lock.
     */
    private final Map<String, Map<String, PersonalPhrasing>> byAgent = new ConcurrentHashMap<>();
    /** Every suggestion by id, in order; guarded by this. */
    private final Map<String, Suggestion> suggestions = new LinkedHashMap<>();

    private PersonalPhrasings(Path dir, FileHome files) {
        this.dir = dir;
        this.files = files;
    }

    /** Opens the shop's {@code personal/} folder (created on the first save) as the files' home. */
    public static PersonalPhrasings open(Path dir) {
        return open(dir, FileHome.LOCAL);
    }

    /**
     * Opens the shop's {@code personal/} folder, whose files {@code files} keeps: the folder itself ({@link
     * FileHome#LOCAL}) or a shared home the folder mirrors.
     */
    public static PersonalPhrasings open(Path dir, FileHome files) {
        var store = new PersonalPhrasings(dir, files);
        store.takeInSuggestions(AtomicFiles.readIfExists(dir.resolve(SUGGESTIONS)));
        return store;
    }

    /**
     * Takes in files another server wrote, which a pull brought into the local folder: an agent's phrasings are read
     * again on their next use, the suggestions at once. Files outside the folder are not this store's and are ignored.
     */
    public synchronized void takeInPulled(List<Path> pulled) {
        Path own = dir.toAbsolutePath().normalize();
        for (Path file : pulled) {
            Path relative = own.relativize(file.toAbsolutePath().normalize());
            if (relative.startsWith("..")) {
                continue;
            }
            if (relative.equals(Path.of(SUGGESTIONS))) {
                takeInSuggestions(AtomicFiles.readIfExists(file));
            } else if (relative.getNameCount() == 2 && relative.getName(1).toString().equals(PHRASINGS)
                    && relative.getName(0).toString().startsWith(AGENT_PREFIX)) {
                byAgent.remove(relative.getName(0).toString().substring(AGENT_PREFIX.length()));
            }
        }
    }

    /** The agent's own phrasings, in the order they were created. */
    public List<PersonalPhrasing> of(String agent) {
        return List.copyOf(phrasings(agent).values());
    }

    public Optional<Versioned> read(String agent, String id) {
        return Optional.ofNullable(phrasings(agent).get(id)).map(p -> new Versioned(p, etag(p)));
    }

    /** Saves a new phrasing of the agent's; on disk, whole, when this returns. */
    public synchronized Versioned create(String agent, String title, String text, String shortcut) {
        String id = newId("own.");
        PersonalPhrasing created = change(agent, mine -> {
            if (mine.size() >= MAX_PER_AGENT) {
                throw new ValidationFailedException(List.of(new FieldProblem(null, "at most " + MAX_PER_AGENT
                        + " phrasings of your own; delete one first")));
            }
            String now = now();
            var phrasing = new PersonalPhrasing(id, title, text, shortcut, now, now);
            validate(phrasing);
            var next = new LinkedHashMap<>(mine);
            next.put(phrasing.id(), phrasing);
            return new Change(next, null, phrasing, "create");
        }).after();
        return new Versioned(created, etag(created));
    }

    public synchronized Versioned update(String agent, String id, String title, String text, String shortcut, String ifMatch) {
        PersonalPhrasing updated = change(agent, mine -> {
            PersonalPhrasing current = current(mine, agent, id, ifMatch);
            var phrasing = new PersonalPhrasing(id, title, text, shortcut, current.created(), now());
            validate(phrasing);
            var next = new LinkedHashMap<>(mine);
            next.put(id, phrasing);
            return new Change(next, current, phrasing, "update");
        }).after();
        return new Versioned(updated, etag(updated));
    }

    public synchronized void delete(String agent, String id, String ifMatch) {
        change(agent, mine -> {
            PersonalPhrasing current = current(mine, agent, id, ifMatch);
            var next = new LinkedHashMap<>(mine);
            next.remove(id);
            return new Change(next, current, null, "delete");
        });
    }

    /** Every change of one of the agent's phrasings, oldest first. */
    public synchronized List<HistoryRecord> history(String agent, String id) {
        return historyOf(agent).list(id);
    }

    /** Puts a copy of one of the agent's phrasings in front of the shop's editors. */
    public synchronized Suggestion suggest(String agent, String id, String note) {
        PersonalPhrasing phrasing = phrasings(agent).get(id);
        if (phrasing == null) {
            throw new EntryNotFoundException(id);
        }
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_CHARS) {
            throw new ValidationFailedException(List.of(new FieldProblem("note", "at most " + MAX_NOTE_CHARS + " characters")));
        }
        var suggestion = new Suggestion(newId("s"), agent, phrasing.title(), phrasing.text(), phrasing.shortcut(),
                note == null || note.isBlank() ? null : note.strip(), now(), Suggestion.OPEN, null, null);
        record("suggested", suggestion);
        return suggestion;
    }

    /** Suggestions no editor has decided on yet, oldest first. */
    public synchronized List<Suggestion> open() {
        return suggestions.values().stream().filter(s -> s.state().equals(Suggestion.OPEN)).toList();
    }

    /** An open suggestion (not found once it is decided). */
    public synchronized Suggestion openSuggestion(String id) {
        Suggestion suggestion = suggestions.get(id);
        if (suggestion == null || !suggestion.state().equals(Suggestion.OPEN)) {
            throw new EntryNotFoundException(id);
        }
        return suggestion;
    }

    /**
     * Makes an open suggestion a team phrasing, once: {@code createTeamPhrasing} creates it (and may refuse, leaving the
     * suggestion open) and returns its id, which the suggestion then records.
     */
    public synchronized Suggestion accept(String id, String by, Function<Suggestion, String> createTeamPhrasing) {
        takeInSuggestions(files.fresh(dir.resolve(SUGGESTIONS))); // decided on another server meanwhile?
        Suggestion open = openSuggestion(id);
        Suggestion decided = open.decided(Suggestion.ACCEPTED, by, createTeamPhrasing.apply(open));
        record("accepted", decided);
        return decided;
    }

    public synchronized Suggestion dismiss(String id, String by) {
        takeInSuggestions(files.fresh(dir.resolve(SUGGESTIONS)));
        Suggestion decided = openSuggestion(id).decided(Suggestion.DISMISSED, by, null);
        record("dismissed", decided);
        return decided;
    }

    /** The version tag of a phrasing. */
    public static String etag(PersonalPhrasing phrasing) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(phrasing);
            return "\"" + HexFormat.of().formatHex(ContentFingerprint.hash(phrasing.id(), canonical), 0, 12) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PersonalPhrasing current(Map<String, PersonalPhrasing> mine, String agent, String id, String ifMatch) {
        PersonalPhrasing current = mine.get(id);
        if (current == null) {
            throw new EntryNotFoundException(id);
        }
        String etag = etag(current);
        if (!"*".equals(ifMatch) && !etag.equals(ifMatch)) {
            throw new VersionConflictException(id, etag, agent, current.updated());
        }
        return current;
    }

    private static void validate(PersonalPhrasing phrasing) {
        var entry = phrasing.asPhrasing();
        var problems = new ArrayList<>(ContentValidator.textProblems(entry));
        problems.addAll(VALIDATOR.validate(entry));
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    /**
     * Decides a change on the agent's list as its home holds it, writes the whole list (atomic, forced, and only if no
     * other server changed it since it was read: else decided again on the newer list, where a phrasing changed by the
     * other server is a version conflict), then the change into the phrasing's history.
     */
    private Change change(String agent, Function<Map<String, PersonalPhrasing>, Change> decide) {
        var decided = new Change[1];
        files.rewrite(agentDir(agent).resolve(PHRASINGS), read -> {
            Map<String, PersonalPhrasing> current = parse(agent, read);
            byAgent.put(agent, current);
            decided[0] = decide.apply(current);
            try {
                return JSON.writeValueAsBytes(new AgentFile(List.copyOf(decided[0].next().values())));
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the phrasings of '" + agent + "'", e);
            }
        });
        Change change = decided[0];
        byAgent.put(agent, change.next());
        PersonalPhrasing subject = change.after() != null ? change.after() : change.before();
        historyOf(agent).append(subject.id(), agent, change.action(), textOf(change.after()), textOf(change.before()));
        return change;
    }

    private static String textOf(PersonalPhrasing phrasing) {
        try {
            return phrasing == null ? null : JSON.writeValueAsString(phrasing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HistoryStore historyOf(String agent) {
        return new HistoryStore(agentDir(agent).resolve(HISTORY), files);
    }

    private Map<String, PersonalPhrasing> phrasings(String agent) {
        return byAgent.computeIfAbsent(agent, name -> parse(name, AtomicFiles.readIfExists(agentDir(name).resolve(PHRASINGS))));
    }

    private static Map<String, PersonalPhrasing> parse(String agent, byte[] bytes) {
        var phrasings = new LinkedHashMap<String, PersonalPhrasing>();
        if (bytes != null) {
            try {
                JSON.readValue(bytes, AgentFile.class).phrasings().forEach(p -> phrasings.put(p.id(), p));
            } catch (IOException e) {
                throw new UncheckedIOException("the phrasings file of '" + agent + "' is unreadable", e);
            }
        }
        return phrasings;
    }

    /**
     * The agent's folder: the name behind a fixed prefix, so no token name ('.', '..') can point outside {@code
     * personal/} (token names hold no '/').
     */
    private Path agentDir(String agent) {
        return dir.resolve(AGENT_PREFIX + agent);
    }

    /**
     * Appends the event to the log; the log as it was just before (with what other servers appended to it) is taken in
     * along the way.
     */
    private void record(String event, Suggestion suggestion) {
        String line;
        try {
            line = JSON.writeValueAsString(new SuggestionEvent(event, suggestion));
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the suggestion", e);
        }
        files.append(dir.resolve(SUGGESTIONS), before -> {
            takeInSuggestions(before);
            // After a line torn by a crash, a new line of its own, so it is not read as part of the torn one.
            return before == null || before.length == 0 || before[before.length - 1] == '\n' ? line : "\n" + line;
        });
        suggestions.put(suggestion.id(), suggestion);
    }

    /** Makes {@link #suggestions} what the log holds (nothing for null); each suggestion as its last line left it. */
    private void takeInSuggestions(byte[] log) {
        suggestions.clear();
        if (log == null) {
            return;
        }
        for (String line : new String(log, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Suggestion suggestion = JSON.readValue(line, SuggestionEvent.class).suggestion();
                suggestions.put(suggestion.id(), suggestion);
            } catch (IOException torn) {
                // A line torn by a crash mid-append is skipped; every line before it is whole.
            }
        }
    }

    private static String newId(String prefix) {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
