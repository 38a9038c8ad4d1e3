package shopkb.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's record of what servers acknowledged: per entry, the text its last acknowledged edit wrote, and the texts of
 * writes sent after it whose answer was lost (the server died under them: they may or may not have landed). Checked
 * afterwards against what a server serves: an entry is present when it holds its last acknowledged text, or one of those
 * later writes.
 */
final class EditLedger {

    /** Reads an entry's text as a server serves it now; empty when the server does not know the entry (404). */
    @FunctionalInterface
    interface Reader {
        Optional<String> text(String id) throws IOException, InterruptedException;
    }

    /**
     * Of {@code entries} acknowledged entries, how many hold what was written ({@code present}); how many writes whose
     * answer was lost are what their entry holds ({@code lostAnswerLanded}); for each acknowledged entry missing, why.
     */
    record Check(int entries, int present, int lostAnswerLanded, List<String> missing) {
    }

    private final Map<String, String> lastAcknowledged = new LinkedHashMap<>();
    private final Map<String, List<String>> unknownSince = new HashMap<>();
    private int acknowledgedEdits;
    private int lostAnswers;

    /** A 2xx: the entry now holds {@code text}; writes of unknown outcome before it are superseded. */
    synchronized void acknowledged(String id, String text) {
        lastAcknowledged.put(id, text);
        unknownSince.remove(id);
        acknowledgedEdits++;
    }

    /** A write sent whose answer never came. */
    synchronized void unknown(String id, String text) {
        unknownSince.computeIfAbsent(id, k -> new ArrayList<>()).add(text);
        lostAnswers++;
    }

    synchronized int acknowledgedEdits() {
        return acknowledgedEdits;
    }

    /** The entries with at least one acknowledged edit. */
    synchronized List<String> entries() {
        return List.copyOf(lastAcknowledged.keySet());
    }

    /** Writes sent whose answer never came. */
    synchronized int lostAnswers() {
        return lostAnswers;
    }

    /** Writes sent whose answer never came and no acknowledged edit of the same entry followed. */
    synchronized int lostAnswersStanding() {
        return unknownSince.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Reads every entry with an acknowledged edit or a lost answer through {@code reader}, and compares it with what was
     * written: an acknowledged entry must hold its last acknowledged text or a write of lost answer after it; an entry
     * with only lost answers (a create the server died under) may hold anything, or not exist.
     */
    Check check(Reader reader) throws InterruptedException {
        Map<String, String> expected;
        Map<String, List<String>> maybe;
        synchronized (this) {
            expected = new LinkedHashMap<>(lastAcknowledged);
            maybe = new HashMap<>(unknownSince);
        }
        var missing = new ArrayList<String>();
        int landed = 0;
        var ids = new LinkedHashSet<>(expected.keySet());
        ids.addAll(maybe.keySet());
        for (String id : ids) {
            String acknowledged = expected.get(id);
            Optional<String> served;
            try {
                served = reader.text(id);
            } catch (IOException e) {
                if (acknowledged != null) {
                    missing.add(id + ": not read (" + e.getMessage() + ")");
                }
                continue;
            }
            if (served.isPresent() && maybe.getOrDefault(id, List.of()).contains(served.get())) {
                landed++;
            } else if (acknowledged != null && served.isEmpty()) {
                missing.add(id + ": unknown to the server (404)");
            } else if (acknowledged != null && !served.get().equals(acknowledged)) {
                missing.add(id + ": holds「" + shortened(served.get()) + "」, not the acknowledged「" + acknowledged + "」");
            }
        }
        return new Check(expected.size(), expected.size() - missing.size(), landed, missing);
    }

    /** A served text on one line, at most 40 characters: enough to tell which text it is. */
    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }
}
