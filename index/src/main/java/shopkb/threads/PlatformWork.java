package shopkb.threads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs long CPU-bound or native calls on platform threads, never on a virtual thread. A virtual thread is never
 * preempted and keeps its carrier through native code, and there are only as many carriers as cores: a few such calls
 * at once left none for anything else, so requests that had just arrived waited behind them. Measured twice: a
 * sentence model's inference (2-4 ms; ranking by meaning, wrk at 8 connections on 2 cores: 2-3 requests in 30 s took
 * over 2 s and p99 swung from 25 ms to 640 ms; on these threads, none of 56,000 requests in three runs took 100 ms),
 * and searches at 100k entries (see the server's {@code WorkLimiter}). A virtual thread hands the work over and
 * unmounts while it waits; a platform thread runs it itself.
 */
public final class PlatformWork implements AutoCloseable {

    private final ExecutorService threads;

    /** {@code threads} platform threads named {@code name-1}, {@code name-2}, ... */
    public PlatformWork(String name, int threads) {
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name + "-", 1).daemon().factory());
    }

    /**
     * The work's result, computed on one of the platform threads when the caller is a virtual thread (waiting for a
     * free one), else on the caller's own. The work's runtime exception reaches the caller as it was thrown.
     *
     * @throws java.util.concurrent.RejectedExecutionException when closed
     * @throws InterruptedException when the caller was interrupted while waiting (the work may still run)
     */
    public <T> T call(Supplier<T> work) throws InterruptedException {
        if (!Thread.currentThread().isVirtual()) {
            return work.get();
        }
        try {
            return threads.submit(work::get).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
