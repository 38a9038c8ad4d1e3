package shopkb.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WorkLimiterTest {

    @Test
    void pastTheCapARequestWaitsBrieflyThenGetsA503() throws Exception {
        var limiter = new WorkLimiter(1);
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform().start(() -> limiter.run(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
