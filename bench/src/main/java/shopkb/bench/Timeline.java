package shopkb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When each search of a fault run started and ended and whether it was answered, when each edit ended and how, and the
 * phases the run went through; summed up per phase afterwards. Searches that got no answer are grouped into error
 * windows: failures less than {@link #WINDOW_GAP_SECONDS} apart are one window, from the start of its first failed search
 * to the end of its last. Thread-safe for recording.
 */
final class Timeline {

    /** Failures closer than this belong to one window. */
    static final double WINDOW_GAP_SECONDS = 1.0;

    /** How an edit ended: a 2xx, a 412 or 409 (a refusal, not a loss), another answer or none, or no answer after sending. */
    enum EditOutcome { ACKNOWLEDGED, REFUSED, FAILED, UNKNOWN }

    /** A span of the run, in seconds since its origin. */
    record Window(double from, double to) {
        double seconds() {
            return to - from;
        }
    }

    /**
     * One phase's figures: searches answered and not, answered by another server than the first tried, its longest error
     * window (one that starts in it), latency of the answered searches (ms), and its edits by outcome.
     */
    record PhaseFigures(String name, double from, double to, long answered, long errors, long failedOver,
                        double longestErrorWindow, double p50, double p99, double max, long acknowledged, long refused,
                        long failed, long unknown) {
    }

    private record Search(long start, long end, boolean answered, boolean failedOver) {
    }

    private record Edit(long at, EditOutcome outcome, String reason) {
    }

    private record Phase(String name, long start) {
    }

    private final long origin;
    private final Queue<Search> searches = new ConcurrentLinkedQueue<>();
    private final Queue<Edit> edits = new ConcurrentLinkedQueue<>();
    private final List<Phase> phases = new CopyOnWriteArrayList<>();
    private volatile long end;

    /** @param origin the {@link System#nanoTime()} the run's seconds count from */
    Timeline(long origin) {
        this.origin = origin;
    }

    /** From {@code start} (nanoTime) on, what starts belongs to the phase {@code name}. */
    void beginPhase(String name, long start) {
        phases.add(new Phase(name, start));
    }

    /** The run ends at {@code end} (nanoTime): the last phase's end. */
    void end(long end) {
        this.end = end;
    }

    /** @param failedOver answered by another server than the one tried first */
    void search(long start, long end, boolean answered, boolean failedOver) {
        searches.add(new Search(start, end, answered, failedOver));
    }

    /**
     * @param at when its outcome was known (nanoTime): an edit counts in the phase it ended in, so a write a kill cut off
     *           counts in the kill's phase
     * @param reason for a refused or failed edit, e.g. {@code 412} or {@code unreachable}
     */
    void edit(long at, EditOutcome outcome, String reason) {
        edits.add(new Edit(at, outcome, reason));
    }

    /** Seconds from the origin to {@code nanos}. */
    double seconds(long nanos) {
        return (nanos - origin) / 1e9;
    }

    /** The error windows of the whole run, in order. */
    List<Window> errorWindows() {
        return merge(searches.stream().filter(s -> !s.answered()).map(s -> new Window(seconds(s.start()), seconds(s.end())))
                .toList());
    }

    /** Each phase's figures, the last phase ending where the run {@linkplain #end(long) ended}. */
    List<PhaseFigures> figures() {
        List<Window> windows = errorWindows();
        var figures = new ArrayList<PhaseFigures>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            long to = i + 1 < phases.size() ? phases.get(i + 1).start() : end;
            List<Search> in = searches.stream().filter(s -> s.start() >= phase.start() && s.start() < to).toList();
            long[] answered = in.stream().filter(Search::answered).mapToLong(s -> s.end() - s.start()).sorted().toArray();
            double from = seconds(phase.start());
            double until = seconds(to);
            double longest = windows.stream().filter(w -> w.from() >= from && w.from() < until).mapToDouble(Window::seconds)
                    .max().orElse(0);
            List<Edit> edited = edits.stream().filter(e -> e.at() >= phase.start() && e.at() < to).toList();
            figures.add(new PhaseFigures(phase.name(), from, until, answered.length, in.size() - answered.length,
                    in.stream().filter(s -> s.answered() && s.failedOver()).count(), longest,
                    LoadRun.pct(answered, 0.50), LoadRun.pct(answered, 0.99), LoadRun.pct(answered, 1.0),
                    count(edited, EditOutcome.ACKNOWLEDGED), count(edited, EditOutcome.REFUSED), count(edited, EditOutcome.FAILED),
                    count(edited, EditOutcome.UNKNOWN)));
        }
        return figures;
    }

    /** The reasons given for edits of {@code outcome}, with how often, e.g. {@code {412=3, read 404=12}}. */
    Map<String, Long> reasons(EditOutcome outcome) {
        var reasons = new TreeMap<String, Long>();
        edits.stream().filter(e -> e.outcome() == outcome).forEach(e -> reasons.merge(e.reason(), 1L, Long::sum));
        return reasons;
    }

    private static long count(List<Edit> edits, EditOutcome outcome) {
        return edits.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** Joins spans that overlap or lie less than {@link #WINDOW_GAP_SECONDS} apart. */
    static List<Window> merge(List<Window> failures) {
        var sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingDouble(Window::from));
        var windows = new ArrayList<Window>();
        for (Window failure : sorted) {
            if (!windows.isEmpty() && failure.from() - windows.getLast().to() < WINDOW_GAP_SECONDS) {
                Window last = windows.removeLast();
                windows.add(new Window(last.from(), Math.max(last.to(), failure.to())));
            } else {
                windows.add(failure);
            }
        }
        return windows;
    }
}
