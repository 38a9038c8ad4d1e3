package shopkb.server.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A cap on searches and checks running at once. Past it a request waits briefly, then gets a 503 with
 * Retry-After: under a burst a few callers are told to retry, instead of every caller slowing down.
 */
public final class WorkLimiter {

    private static final long WAIT_MILLIS = 250;
    private final Semaphore permits;

    public WorkLimiter(int concurrent) {
        this.permits = new Semaphore(concurrent, true);
    }

    /**
     * Two per core: a search is CPU work only (the index is memory-mapped and cached), so many more at once only
     * interleave, and an editor's save would then get a smaller share of the CPU (at 8 searches on 2 cores, a save
     * waited behind all of them: 5 saves a second at most). One per core measured worse: two per core served 8% more
     * searches per second at 8% less CPU per search, p99 within noise (10k synthetic entries, 8 connections, two runs
     * each; fewer searches park and wake in the queue, the likely reason), and saves under search load were the same
     * with either (6.2/s at 100k, 8.2 vs 8.4/s at 10k). Waiting searches queue in arrival order.
     */
    public static WorkLimiter forThisMachine() {
        return new WorkLimiter(2 * Runtime.getRuntime().availableProcessors());
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
            return work.get();
        } finally {
            permits.release();
        }
    }
}
