package shopkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NativeWorkTest {

    @Test
    void workAskedForOnAVirtualThreadRunsOnAPlatformThread() throws InterruptedException {
        try (var work = new NativeWork("test", 1)) {
            var ranVirtual = new AtomicReference<Boolean>();
            Thread.ofVirtual().start(() -> ranVirtual.set(work.call(() -> Thread.currentThread().isVirtual()))).join();
            assertFalse(ranVirtual.get());
        }
    }

    @Test
    void workAskedForOnAPlatformThreadRunsOnIt() {
        try (var work = new NativeWork("test", 1)) {
            assertSame(Thread.currentThread(), work.call(Thread::currentThread));
        }
    }

    @Test
    void itsFailureReachesTheCallerAsItWasThrown() throws InterruptedException {
        try (var work = new NativeWork("test", 1)) {
            var thrown = new AtomicReference<Throwable>();
            Thread.ofVirtual().start(() -> thrown.set(assertThrows(IllegalArgumentException.class,
                    () -> work.call(() -> { throw new IllegalArgumentException("bad text"); })))).join();
            assertEquals("bad text", thrown.get().getMessage());
        }
    }
}
