package shopkb.usage;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import shopkb.analysis.TextNormalizer;
import shopkb.content.LoadedContent;
import shopkb.search.SearchResponse;
import shopkb.search.UsageVotes;

/**
 * Logs every search and what agents did with its results, without slowing search: events go into a bounded
 * queue and a background thread masks personal data and writes them to SQLite in batches. A full queue
 * drops the event and counts it ({@link Stats#dropped()}); nothing waits. Also holds what ranking learns
 * from the log ({@link #votes()}), and removes entries older than the retention period.
 *
 * <p>The writer thread is shared by every shop's log of a process (one platform thread: SQLite's native calls would
 * pin the carriers of virtual threads the requests run on), and each log writes what gathered in its queue as one
 * transaction, a tenth of a second after its first event: a shop seeing a few searches a second writes a few batches,
 * not one transaction a search.
 */
public final class UsageLog implements AutoCloseable {

    /** Settings: logging on or off, learning on or off, and how many days entries are kept. */
    public record Settings(boolean enabled, boolean learning, int retentionDays) {
        public Settings {
            if (retentionDays < 1 || retentionDays > 3650) {
                throw new IllegalArgumentException("usage retention must be 1 to 3650 days, got " + retentionDays);
            }
        }

        public static Settings defaults() {
            return new Settings(true, true, 90);
        }
    }

    /** Counters for the health endpoint. */
    public record Stats(boolean enabled, boolean learning, int retentionDays, long logged, long dropped, long failed,
                        int queued) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UsageLog.class);
    static final int QUEUE_CAPACITY = 20_000;
    /**
     * How long feedback may refer to a search, and how many recent searches are remembered for it (1.3 MB, {@link
     * IssuedIds}; agents give feedback within minutes of a search).
     */
    public static final int ISSUED_HOURS = 24;
    private static final int ISSUED_KEPT = 50_000;
    private static final int BATCH = 500;
    /** How long events gather after the first before they are written as one batch. */
    private static final long GATHER_MILLIS = 100;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** How often other servers' events are taken in from the home. */
    private static final Duration PULL_EVERY = Duration.ofSeconds(1);
    /** Events kept for the home while it cannot be reached; beyond this the oldest are only in the local file. */
    private static final int UNSENT_KEPT = 50_000;

    private final Settings settings;
    private final UsageStore store;
    private final Function<String, String> patternOf;
    private final Clock clock;
    private final BlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final CopyVotes votes = new CopyVotes();
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    /** Runs this log's batches (one at a time: one thread); shared by every shop's log in a server. */
    private final ScheduledExecutorService writer;
    private final boolean ownsWriter;
    /** Whether a batch is due on the writer; set by the event that finds none due. */
    private final AtomicBoolean batchDue = new AtomicBoolean();
    private final ScheduledFuture<?> purger;
    private final UsageHome home;
    private final ScheduledFuture<?> puller;
    /** Events stored here and not yet at the home, oldest first; used on the writer thread only. */
    private final java.util.ArrayDeque<UsageHome.Events> unsent = new java.util.ArrayDeque<>();
    private int unsentEvents;
    /** Why the home could not be reached on the last try, or null. */
    private volatile String homeFailure;
    /** Query ids handed out, so feedback can only refer to a search this server answered. */
    private final IssuedIds issued = new IssuedIds(ISSUED_KEPT);

    private UsageLog(Settings settings, UsageStore store, Function<String, String> patternOf, Clock clock,
                     ScheduledExecutorService writer, boolean ownsWriter, UsageHome home) {
        this.settings = settings;
        this.store = store;
        this.home = home;
        this.patternOf = patternOf;
        this.clock = clock;
        this.writer = writer;
        this.ownsWriter = ownsWriter;
        this.purger = store == null ? null : writer.scheduleWithFixedDelay(this::purgeQuietly, PURGE_EVERY.toMinutes(),
                PURGE_EVERY.toMinutes(), TimeUnit.MINUTES);
        this.puller = store == null || home == UsageHome.NONE ? null
                : writer.scheduleWithFixedDelay(this::exchangeWithHome, 0, PULL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the log in {@code file} with a writer thread of its own, drops what is past retention, and
     * loads the votes learning starts from.
     *
     * @param patternOf the message pattern search keys learning by (see {@code BuyerQuery.pattern()})
     */
    public static UsageLog open(Path file, Settings settings, Function<String, String> patternOf, Clock clock) {
        return open(file, settings, patternOf, clock, null);
    }

    /**
     * As {@link #open(Path, Settings, Function, Clock)}, writing on {@code writer} (a single thread shared by every
     * shop's log; null: a thread of its own).
     */
    public static UsageLog open(Path file, Settings settings, Function<String, String> patternOf, Clock clock,
                                ScheduledExecutorService writer) {
        return open(file, settings, patternOf, clock, writer, UsageHome.NONE);
    }

    /**
     * As {@link #open(Path, Settings, Function, Clock, ScheduledExecutorService)}, also keeping the log at {@code home}
     * (every event is sent there after it is stored here; other servers' events are taken in every second).
     */
    public static UsageLog open(Path file, Settings settings, Function<String, String> patternOf, Clock clock,
                                ScheduledExecutorService writer, UsageHome home) {
        if (!settings.enabled()) {
            return disabled(settings);
        }
        UsageStore store = UsageStore.open(file);
        var log = new UsageLog(settings, store, patternOf, clock, writer == null ? newWriter() : writer, writer == null, home);
        try {
            log.purgeExpired();
            Instant now = clock.instant();
            log.votes.addAll(store.votesSince(now.minus(Duration.ofDays(settings.retentionDays())), now.plusSeconds(1)));
        } catch (SQLException e) {
            log.close();
            throw new IllegalStateException("cannot read the usage log " + file + ": " + e.getMessage(), e);
        }
        return log;
    }

    /** A log that records nothing (logging switched off). */
    public static UsageLog disabled(Settings settings) {
        return new UsageLog(new Settings(false, false, settings.retentionDays()), null, text -> "", Clock.systemUTC(), null, false,
                UsageHome.NONE);
    }

    /** The thread usage logs write on: one for a process (see the class comment). */
    public static ScheduledExecutorService newWriter() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "usage-log");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Settings settings() {
        return settings;
    }

    /** Queues a search for the log; returns the id feedback refers to, or null when logging is off. */
    public String recordSearch(String text, SearchResponse response) {
        if (store == null) {
            return null;
        }
        Instant now = clock.instant();
        String id = issued.issue(now.toEpochMilli());
        // What the agent was shown: the results, then the top answer's recommended phrasings (the page lists them).
        var ids = new java.util.LinkedHashSet<String>();
        response.results().forEach(r -> ids.add(r.id()));
        response.results().stream().filter(r -> r.phrasingIds() != null).findFirst().ifPresent(r -> ids.addAll(r.phrasingIds()));
        String topIntent = response.results().isEmpty() ? null : response.results().getFirst().intent();
        offer(new UsageEvent.Search(id, now, text, List.copyOf(ids), topIntent, response.confidence(), response.confident(),
                response.tookMs(), response.pattern()));
        return id;
    }

    /**
     * Whether {@code queryId} is the id of a search this log recorded in the last {@link #ISSUED_HOURS} hours (with a
     * home shared by several servers: or another server did, and it was taken in here).
     */
    public boolean issued(String queryId) {
        Instant cutoff = clock.instant().minus(Duration.ofHours(ISSUED_HOURS));
        long at = issued.issuedAt(queryId);
        if (at != Long.MIN_VALUE) {
            return at > cutoff.toEpochMilli();
        }
        if (home == UsageHome.NONE) {
            return false;
        }
        try {
            Instant elsewhere = store.searchedAt(queryId);
            return elsewhere != null && elsewhere.isAfter(cutoff);
        } catch (SQLException e) {
            throw new IllegalStateException("usage log query failed: " + e.getMessage(), e);
        }
    }

    /** Queues what an agent did with a result. */
    public void recordFeedback(String queryId, String resultId, FeedbackAction action) {
        if (store != null) {
            offer(new UsageEvent.Feedback(queryId, resultId, action, clock.instant()));
        }
    }

    /** What ranking learns from, or nothing when learning is off. */
    public UsageVotes votes() {
        return settings.learning() ? votes : UsageVotes.NONE;
    }

    public Stats stats() {
        return new Stats(settings.enabled(), settings.learning(), settings.retentionDays(), logged.get(), dropped.get(),
                failed.get(), queue.size());
    }

    /** The insight report over the last {@code days}, against the current content; gaps grouped by words only. */
    public Insight insight(int days, LoadedContent content) {
        return insight(days, content, null);
    }

    /**
     * The insight report over the last {@code days}, against the current content.
     *
     * @param meaning the meaning vector of a message, to group unanswered ones that ask the same in other words; null
     *                to group them by words only
     */
    public Insight insight(int days, LoadedContent content, java.util.function.Function<String, float[]> meaning) {
        if (store == null) {
            return new Insight(days, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        try {
            return new InsightQueries(store, ZoneId.systemDefault(), meaning).report(days, clock.instant(), content);
        } catch (SQLException e) {
            throw new IllegalStateException("usage log query failed: " + e.getMessage(), e);
        }
    }

    /** Waits until every event queued so far is written (or dropped); for tests and orderly shutdown. */
    public void flush() {
        long target = offered.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (taken.get() < target && System.nanoTime() < deadline && store != null) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes what is older than the retention period (here and at the home); returns how many searches went here. */
    public int purgeExpired() throws SQLException {
        if (store == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        int deleted = store.deleteBefore(cutoff);
        try {
            home.deleteBefore(cutoff);
        } catch (RuntimeException e) {
            // the home keeps them a while longer: it is asked again in an hour
            LOG.warn("usage log: removing entries past retention from the cluster failed (retried in an hour): {}", e.toString());
        }
        return deleted;
    }

    /**
     * Lasting problems worth the health endpoint: events the home has not taken yet because it cannot be reached.
     */
    public List<String> problems() {
        String failure = homeFailure;
        return failure == null ? List.of() : List.of(failure);
    }

    /** Sends what waits for the home, then takes in what other servers sent; on the writer thread. */
    private void exchangeWithHome() {
        try {
            sendUnsent();
            UsageHome.Events others = home.pull();
            if (!others.isEmpty()) {
                for (UsageStore.StoredFeedback f : store.write(others.searches(), others.feedback())) {
                    if (f.pattern() != null) {
                        votes.add(f.pattern(), f.entryId(), f.action().vote());
                    }
                }
            }
            if (unsent.isEmpty()) {
                homeFailure = null;
            }
        } catch (SQLException | RuntimeException e) {
            if (homeFailure == null) {
                LOG.warn("usage log: exchanging events with the cluster failed (tried again every second): {}", e.toString());
            }
            homeFailure = "usage log: " + unsentEvents + " events not yet in the cluster; last failure: " + e.getMessage();
        }
    }

    private void sendUnsent() {
        while (!unsent.isEmpty()) {
            UsageHome.Events next = unsent.peekFirst();
            home.send(next);
            unsent.removeFirst();
            unsentEvents -= next.size();
        }
    }

    private void purgeQuietly() {
        try {
            purgeExpired();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("usage log: removing entries past retention failed (retried in an hour): {}", e.toString());
        }
    }

    private void offer(UsageEvent event) {
        if (queue.offer(event)) {
            offered.incrementAndGet();
            if (batchDue.compareAndSet(false, true)) {
                try {
                    writer.schedule(this::writeBatches, GATHER_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    batchDue.set(false); // the writer stopped: the server is closing, and close() writes what is queued
                }
            }
        } else {
            dropped.incrementAndGet();
        }
    }

    /** Writes everything queued, in batches; events arriving meanwhile make another batch due. */
    private void writeBatches() {
        batchDue.set(false);
        var batch = new ArrayList<UsageEvent>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                write(batch);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("usage log: {} events could not be written: {}", batch.size(), e.toString());
                failed.addAndGet(batch.size());
            }
            taken.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void write(List<UsageEvent> batch) throws SQLException {
        var searches = new ArrayList<UsageStore.StoredSearch>();
        var feedback = new ArrayList<UsageStore.StoredFeedback>();
        Map<String, String> patterns = new HashMap<>();
        for (UsageEvent event : batch) {
            switch (event) {
                case UsageEvent.Search s -> {
                    String normalized = TextNormalizer.normalize(s.text());
                    String masked = PersonalDataMasker.maskNormalized(normalized);
                    String unmasked = PersonalDataMasker.withoutMasks(masked);
                    // The search's own pattern when masking took nothing out (masking normalises, so compare with the
                    // message normalised: a full-width comma or a traditional character is no personal data); a parse
                    // saved per search.
                    boolean nothingMasked = unmasked.equals(normalized);
                    String pattern = s.pattern() != null && nothingMasked ? s.pattern() : patternOf.apply(unmasked);
                    patterns.put(s.queryId(), pattern);
                    searches.add(new UsageStore.StoredSearch(s.queryId(), s.at(), masked, pattern, s.resultIds(),
                            s.topIntent(), s.confidence(), s.confident(), s.latencyMs()));
                }
                case UsageEvent.Feedback f -> {
                    String pattern = patterns.containsKey(f.queryId()) ? patterns.get(f.queryId()) : store.patternOf(f.queryId());
                    feedback.add(new UsageStore.StoredFeedback(newId() + newId(), f.queryId(), f.resultId(), f.action(), f.at(),
                            pattern));
                }
            }
        }
        store.write(searches, feedback);
        logged.addAndGet(batch.size());
        if (home != UsageHome.NONE) {
            keepForHome(new UsageHome.Events(searches, feedback));
        }
        for (UsageStore.StoredFeedback f : feedback) {
            votes.add(f.pattern(), f.entryId(), f.action().vote());
        }
    }

    /** Sends a stored batch to the home now, or keeps it to send with the next (the oldest go when too many wait). */
    private void keepForHome(UsageHome.Events events) {
        unsent.addLast(events);
        unsentEvents += events.size();
        while (unsentEvents > UNSENT_KEPT && unsent.size() > 1) {
            unsentEvents -= unsent.removeFirst().size();
        }
        try {
            sendUnsent();
        } catch (RuntimeException e) {
            homeFailure = "usage log: " + unsentEvents + " events not yet in the cluster; last failure: " + e.getMessage();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes what is queued, then closes the database (and the writer thread when it is this log's own). */
    @Override
    public void close() {
        if (store == null) {
            return;
        }
        purger.cancel(false);
        if (puller != null) {
            puller.cancel(false);
        }
        try {
            writer.submit(() -> {
                writeBatches();
                if (home != UsageHome.NONE) {
                    exchangeWithHome();
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            writeBatches(); // the shared writer already stopped (the server is closing): write here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("usage log: the last events could not be written at close: {}", e.toString());
        }
        if (ownsWriter) {
            writer.shutdown();
        }
        store.close();
    }
}
