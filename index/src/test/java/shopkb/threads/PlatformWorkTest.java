package shopkb.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlatformWorkTest {

    @Test
    void workAskedForOnAVirtualThreadRunsOnAPlatformThread() throws InterruptedException {
        try (var work = new PlatformWork("test", 1)) {
            var ranVirtual = new AtomicReference<Boolean>();
            Thread.ofVirtual().start(() -> ranVirtual.set(callOrNull(work, () -> Thread.currentThread().isVirtual()))).join();
            assertFalse(ranVirtual.get());
        }
    }

    @Test
    void workAskedForOnAPlatformThreadRunsOnIt() throws InterruptedException {
        try (var work = new PlatformWork("test", 1)) {
            assertSame(Thread.currentThread(), work.call(Thread::currentThread));
        }
    }

    @Test
    void itsFailureReachesTheCallerAsItWasThrown() throws InterruptedException {
        try (var work = new PlatformWork("test", 1)) {
            var thrown = new AtomicReference<Throwable>();
            Thread.ofVirtual().start(() -> thrown.set(assertThrows(IllegalArgumentException.class,
                    () -> callOrNull(work, () -> { throw new IllegalArgumentException("bad text"); })))).join();
            assertEquals("bad text", thrown.get().getMessage());
        }
    }

    /** The work's result, or null when the calling thread was interrupted. */
    private static <T> T callOrNull(PlatformWork work, java.util.function.Supplier<T> task) {
        try {
            return work.call(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
