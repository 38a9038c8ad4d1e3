package shopkb.server.api;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import shopkb.threads.PlatformWork;

/**
 * A cap on searches and checks running at once, and where they run. Past the cap a request waits briefly, then gets a
 * 503 with Retry-After: under a burst a few callers are told to retry, instead of every caller slowing down. Waiting
 * requests are served in arrival order.
 *
 * <p>Where: a search is CPU work without a single blocking call, and a virtual thread is never preempted, so searches
 * running on every carrier (there are as many as cores) kept all other requests waiting, including ones that had just
 * arrived: at 100k entries (1.8 ms a search) and 8 connections on 2 cores, max latency swung between 0.47 and 1.4 s
 * and p99 between 40 and 535 ms. So as many searches as there are carriers less one run on the request's own virtual
 * thread, and the rest on platform threads, which the operating system time-slices: a carrier always stays free for
 * the requests' I/O (then p99 19-21 ms, max 50-74 ms). Handing every search over instead cost a lone client 10% of its
 * latency (two wake-ups per search).
 */
public final class WorkLimiter implements AutoCloseable {

    private static final long WAIT_MILLIS = 250;
    private final Semaphore permits;
    /** Searches that may run on a request's virtual thread at once: one fewer than the carriers. */
    private final Semaphore onCarriers;
    private final PlatformWork threads;

    /**
     * @param concurrent searches running at once
     * @param carriers the virtual threads' carriers (cores): all but one may run searches
     */
    public WorkLimiter(int concurrent, int carriers) {
        this.permits = new Semaphore(concurrent, true);
        this.onCarriers = new Semaphore(Math.max(0, carriers - 1));
        this.threads = new PlatformWork("search", concurrent);
    }

    /**
     * Two per core: many more at once only interleave, and an editor's save would then get a smaller share of the CPU
     * (at 8 searches on 2 cores, a save waited behind all of them: 5 saves a second at most). One per core measured
     * worse: two per core served 8% more searches per second at 8% less CPU per search (10k synthetic entries, 8
     * connections, two runs each), and saves under search load were the same with either (6.2/s at 100k, 8.2 vs 8.4/s
     * at 10k).
     */
    public static WorkLimiter forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new WorkLimiter(2 * cores, cores);
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(503, "overloaded", "the server is busy with other searches; retry in a moment", null);
        }
        try {
            if (!Thread.currentThread().isVirtual()) {
                return work.get();
            }
            if (onCarriers.tryAcquire()) {
                try {
                    return work.get();
                } finally {
                    onCarriers.release();
                }
            }
            return onPlatformThread(work);
        } finally {
            permits.release();
        }
    }

    /** Runs the work on one of the platform threads (one is free: there are as many as permits) and waits for it. */
    private <T> T onPlatformThread(Supplier<T> work) {
        try {
            return threads.call(work);
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "stopping", "the server is stopping", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "overloaded", "interrupted while waiting for a search thread", null);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
