package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;


/** The short form of the soak (30 s of mixed search and writes); ./kb soak runs the long form. */
class SoakTest {

    @Test
    void thirtySecondsOfMixedLoadHaveNoErrorsAndNoGrowingHeap() throws Exception {
        List<Soak.Window> windows = Soak.run(Path.of("..", "faq-content"), 30, 3, System.out);

        assertEquals(0, windows.stream().mapToLong(w -> w.searchErrors() + w.writeErrors()).sum());
        assertTrue(windows.stream().allMatch(w -> w.searches() > 0 && w.writes() > 0));
        long first = windows.getFirst().heapMb();
        long last = windows.getLast().heapMb();
        assertTrue(last < first * 2 + 50, "heap after GC grew from " + first + " to " + last + " MB");
    }
}
