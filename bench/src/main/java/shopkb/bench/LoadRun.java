package shopkb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concurrency} threads each run the operation back to back for a fixed time,
 * every call timed. Bounded in time, and it stops by itself.
 */
public final class LoadRun {

    /** One operation of the load, given its sequence number; throws on failure. */
    @FunctionalInterface
    public interface Operation {
        void run(int n) throws Exception;
    }

    /** Latency percentiles (ms), throughput (per second) and errors of a run. */
    public record Result(int concurrency, long calls, long errors, double seconds, double p50, double p99, double p999) {
        public double throughput() {
            return calls / seconds;
        }
    }

    private LoadRun() {
    }

    public static Result run(int concurrency, double seconds, Operation operation) throws InterruptedException {
        var latencies = new ArrayList<long[]>();
        var counts = new AtomicInteger();
        var errors = new AtomicLong();
        var sequence = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int slot = t;
            Thread thread = Thread.ofPlatform().name("load-" + t).start(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(sequence.getAndIncrement());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - begin;
                }
                counts.addAndGet(n);
                latencies.set(slot, Arrays.copyOf(mine, n));
            });
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(concurrency, all.length, errors.get(), elapsed, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999));
    }

    /** The {@code p} percentile, in ms, of sorted nanosecond latencies (0 when there are none). */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static List<Integer> levels() {
        return List.of(1, 8, 32);
    }
}
