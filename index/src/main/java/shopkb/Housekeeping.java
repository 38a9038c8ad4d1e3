package shopkb;

import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import shopkb.usage.UsageLog;

/**
 * The background work of every knowledge base open in a process, on a few threads however many shops are open: a
 * scheduler for timed work (each index's refresh and commit, closing idle shops), the one writer of every shop's usage
 * log, and one looker for files changed by others. Looks take turns, one shop at a time, each shop at most once a
 * second, and after a look that cost {@code c} the next waits {@code 20 c}: looking (a stat of every content file) never takes more than about 5% of a core,
 * whether one shop of 100,000 entries is open or a thousand of 200.
 */
public final class Housekeeping implements Closeable {

    /** Shortest wait between two looks at one shop's folders. */
    static final long LOOK_EVERY_MILLIS = 1000;
    private static final long LOOK_COST_FACTOR = 20;
    private static final int SCHEDULER_THREADS = 4;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Housekeeping.class);

    /** A shop's look at its folders, and when it last ran. */
    private static final class Look {
        private final Runnable work;
        private long lastNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY_MILLIS);

        private Look(Runnable work) {
            this.work = work;
        }
    }

    /** Stops a registered look. */
    public interface Registration {
        void cancel();
    }

    /**
     * A few threads, so that one shop holding its index for a long while (re-indexing 100,000 entries after a vocabulary
     * change takes seconds; its commit waits meanwhile) does not hold up every other shop's refresh and commit.
     */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, daemon("housekeeping"));
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(daemon("folder-looks"));
    private final ScheduledExecutorService usageWriter = UsageLog.newWriter();
    /** Looks in turn order; guarded by itself. */
    private final Deque<Look> looks = new ArrayDeque<>();

    public Housekeeping() {
        looker.schedule(this::lookNext, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The scheduler for timed work; tasks must be short and must not block on each other. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The thread every shop's usage log writes on (see {@link UsageLog}). */
    public ScheduledExecutorService usageWriter() {
        return usageWriter;
    }

    /** Runs {@code look} in turn with every other shop's, from now until cancelled. */
    public Registration lookRegularly(Runnable look) {
        var registered = new Look(look);
        synchronized (looks) {
            looks.addLast(registered);
        }
        return () -> {
            synchronized (looks) {
                looks.remove(registered);
            }
        };
    }

    private void lookNext() {
        Look next;
        synchronized (looks) {
            next = looks.pollFirst();
            if (next != null) {
                looks.addLast(next);
            }
        }
        long waitMillis = LOOK_EVERY_MILLIS;
        if (next != null) {
            long dueInMillis = TimeUnit.NANOSECONDS.toMillis(next.lastNanos - System.nanoTime()) + LOOK_EVERY_MILLIS;
            if (dueInMillis > 0) {
                waitMillis = dueInMillis;
            } else {
                long start = System.nanoTime();
                next.lastNanos = start;
                try {
                    next.work.run();
                } catch (RuntimeException e) {
                    LOG.warn("a look for changed files failed: {}", e.toString(), e);
                }
                waitMillis = LOOK_COST_FACTOR * TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
        }
        try {
            looker.schedule(this::lookNext, waitMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
        scheduler.shutdownNow();
        usageWriter.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
