package shopkb.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkLimiterTest {

    @Test
    void pastTheCapARequestWaitsBrieflyThenGetsA503() throws Exception {
        try (var limiter = new WorkLimiter(1, 2)) {
            var running = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            Thread busy = Thread.ofPlatform().start(() -> limiter.run(() -> {
                running.countDown();
                await(release);
                return null;
            }));
            running.await();
            long start = System.nanoTime();
            ApiException refused = assertThrows(ApiException.class, () -> limiter.run(() -> "never"));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, refused.status());
            assertTrue(waitedMillis >= 200 && waitedMillis < 5_000, "waited " + waitedMillis + " ms");
            release.countDown();
            busy.join();
            assertEquals("next", limiter.run(() -> "next"), "the permit is back once the work ends");
        }
    }

    @Test
    void searchesBeyondAllButOneCarrierRunOnPlatformThreads() throws Exception {
        try (var limiter = new WorkLimiter(4, 2)) {
            var firstStarted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var firstVirtual = new AtomicReference<Boolean>();
            Thread first = Thread.ofVirtual().start(() -> limiter.run(() -> {
                firstVirtual.set(Thread.currentThread().isVirtual());
                firstStarted.countDown();
                await(release);
                return null;
            }));
            firstStarted.await();
            assertEquals(Boolean.TRUE, firstVirtual.get(), "one search at a time runs on its request's thread");
            assertEquals(Boolean.FALSE, onVirtualThread(limiter, () -> Thread.currentThread().isVirtual()),
                    "the next runs on a platform thread, so a carrier stays free for other requests");
            release.countDown();
            first.join();
            assertEquals(Boolean.TRUE, onVirtualThread(limiter, () -> Thread.currentThread().isVirtual()),
                    "the request's own thread is free again");
        }
    }

    @Test
    void theWorksOwnErrorReachesTheCallerUnchangedFromAPlatformThread() throws Exception {
        try (var limiter = new WorkLimiter(1, 1)) {
            var badRequest = ApiException.badRequest("q", "the q parameter (the buyer's message) is required");
            Object thrown = onVirtualThread(limiter, () -> {
                throw badRequest;
            });
            assertSame(badRequest, thrown);
        }
    }

    @Test
    void aClosedLimiterAnswers503() throws Exception {
        var limiter = new WorkLimiter(1, 1);
        limiter.close();
        Object thrown = onVirtualThread(limiter, () -> "late");
        assertEquals(503, ((ApiException) thrown).status());
    }

    /** What {@code work} returned when run through the limiter from a virtual thread, or what it threw. */
    private static Object onVirtualThread(WorkLimiter limiter, Supplier<Object> work) throws InterruptedException {
        var outcome = new AtomicReference<Object>();
        Thread.ofVirtual().start(() -> {
            try {
                outcome.set(limiter.run(work));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        }).join();
        return outcome.get();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
