package shopkb.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import shopkb.content.ContentFingerprint;
import shopkb.content.ContentValidator;
import shopkb.content.FieldProblem;
import shopkb.editing.AtomicFiles;
import shopkb.editing.EntryNotFoundException;
import shopkb.editing.HistoryRecord;
import shopkb.editing.HistoryStore;
import shopkb.editing.ValidationFailedException;
import shopkb.editing.VersionConflictException;

/**
 * One shop's agents' own phrasings and their suggestions to the team, the one owner of the shop's {@code personal/}
 * folder. Stored as durably as content: each agent's phrasings are one file written atomically and forced to disk
 * before a change is acknowledged, every change is in the agent's history (one forced JSON Lines file per phrasing),
 * and suggestions are a forced append-only log. Nothing here is ever shown to anyone but its owner, except what the
 * owner suggests, which the shop's editors see.
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

    private final Path dir;
    /** Each agent's phrasings by id, read on first use; guarded by this. */
    private final Map<String, Map<String, PersonalPhrasing>> byAgent = new HashMap<>();
    /** Every suggestion by id, in order; guarded by this. */
    private final Map<String, Suggestion> suggestions = new LinkedHashMap<>();

    private PersonalPhrasings(Path dir) {
        this.dir = dir;
    }

    /** Opens the shop's {@code personal/} folder (created on the first save). */
    public static PersonalPhrasings open(Path dir) {
        var store = new PersonalPhrasings(dir);
        store.readSuggestions();
        return store;
    }

    /** The agent's own phrasings, in the order they were created. */
    public synchronized List<PersonalPhrasing> of(String agent) {
        return List.copyOf(phrasings(agent).values());
    }

    public synchronized Optional<Versioned> read(String agent, String id) {
        return Optional.ofNullable(phrasings(agent).get(id)).map(p -> new Versioned(p, etag(p)));
    }

    /** Saves a new phrasing of the agent's; on disk, whole, when this returns. */
    public synchronized Versioned create(String agent, String title, String text, String shortcut) {
        Map<String, PersonalPhrasing> mine = phrasings(agent);
        if (mine.size() >= MAX_PER_AGENT) {
            throw new ValidationFailedException(List.of(new FieldProblem(null, "at most " + MAX_PER_AGENT
                    + " phrasings of your own; delete one first")));
        }
        String now = now();
        var phrasing = new PersonalPhrasing(newId("own."), title, text, shortcut, now, now);
        validate(phrasing);
        var next = new LinkedHashMap<>(mine);
        next.put(phrasing.id(), phrasing);
        save(agent, next, null, phrasing, "create");
        return new Versioned(phrasing, etag(phrasing));
    }

    public synchronized Versioned update(String agent, String id, String title, String text, String shortcut, String ifMatch) {
        PersonalPhrasing current = current(agent, id, ifMatch);
        var phrasing = new PersonalPhrasing(id, title, text, shortcut, current.created(), now());
        validate(phrasing);
        var next = new LinkedHashMap<>(phrasings(agent));
        next.put(id, phrasing);
        save(agent, next, current, phrasing, "update");
        return new Versioned(phrasing, etag(phrasing));
    }

    public synchronized void delete(String agent, String id, String ifMatch) {
        PersonalPhrasing current = current(agent, id, ifMatch);
        var next = new LinkedHashMap<>(phrasings(agent));
        next.remove(id);
        save(agent, next, current, null, "delete");
    }

    /** Every change of one of the agent's phrasings, oldest first. */
    public synchronized List<HistoryRecord> history(String agent, String id) {
        return new HistoryStore(agentDir(agent).resolve(HISTORY)).list(id);
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
        Suggestion open = openSuggestion(id);
        Suggestion decided = open.decided(Suggestion.ACCEPTED, by, createTeamPhrasing.apply(open));
        record("accepted", decided);
        return decided;
    }

    public synchronized Suggestion dismiss(String id, String by) {
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

    private PersonalPhrasing current(String agent, String id, String ifMatch) {
        PersonalPhrasing current = phrasings(agent).get(id);
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

    /** Writes the agent's whole list (atomic, forced), then the change into the phrasing's history (forced). */
    private void save(String agent, Map<String, PersonalPhrasing> next, PersonalPhrasing before, PersonalPhrasing after,
                      String action) {
        Path agentDir = agentDir(agent);
        try {
            AtomicFiles.write(agentDir.resolve(PHRASINGS), JSON.writeValueAsBytes(new AgentFile(List.copyOf(next.values()))));
            String id = after != null ? after.id() : before.id();
            new HistoryStore(agentDir.resolve(HISTORY)).append(id, agent, action,
                    after == null ? null : JSON.writeValueAsString(after), before == null ? null : JSON.writeValueAsString(before));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the phrasings of '" + agent + "'", e);
        }
        byAgent.put(agent, next);
    }

    private Map<String, PersonalPhrasing> phrasings(String agent) {
        return byAgent.computeIfAbsent(agent, this::readAgent);
    }

    private Map<String, PersonalPhrasing> readAgent(String agent) {
        byte[] bytes = AtomicFiles.readIfExists(agentDir(agent).resolve(PHRASINGS));
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
        return dir.resolve("agent-" + agent);
    }

    private void record(String event, Suggestion suggestion) {
        try {
            AtomicFiles.appendLine(dir.resolve(SUGGESTIONS), JSON.writeValueAsString(new SuggestionEvent(event, suggestion)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the suggestion", e);
        }
        suggestions.put(suggestion.id(), suggestion);
    }

    private void readSuggestions() {
        Path file = dir.resolve(SUGGESTIONS);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
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
