package shopkb.semantic;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs long native calls (a sentence model's inference, 2-4 ms) on platform threads, never on a virtual thread. A
 * virtual thread inside native code keeps its carrier, and there are only as many carriers as cores: a few encodes at
 * once left none for anything else, so requests that had just arrived waited behind them (ranking by meaning, wrk at 8
 * connections on 2 cores: 2-3 requests in 30 s took over 2 s and p99 swung from 25 ms to 640 ms; with the model on
 * these threads, none of 56,000 requests in three runs took 100 ms). A virtual thread hands the work over and
 * unmounts while it waits; a platform thread runs it itself.
 */
final class NativeWork implements AutoCloseable {

    private final ExecutorService threads;

    NativeWork(String name, int threads) {
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name + "-", 1).daemon().factory());
    }

    <T> T call(Supplier<T> work) {
        if (!Thread.currentThread().isVirtual()) {
            return work.get();
        }
        try {
            return threads.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + work, e);
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
