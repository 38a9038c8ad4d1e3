package shopkb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.content.PhrasingEntry;

/** A failing index is reported in the health, not swallowed. */
class IndexHealthTest {

    @TempDir
    Path tmp;

    @Test
    void aCommitThatFailsIsReportedInTheHealthProblems() throws Exception {
        Path content = Fixture.copyTo(tmp);
        Path data = tmp.resolve("data");
        KnowledgeBase kb = KnowledgeBase.open(content, data);
        try {
            kb.editor().create(new PhrasingEntry("phr.health", "shipping.carriers", "物流", "极兔", "亲,可以发极兔哦", null,
                    List.of(), null, List.of()), "test");
            // The index folder vanishes under the running server (a disk replaced, a careless clean-up).
            try (Stream<Path> files = Files.walk(data.resolve("index"))) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (kb.health().problems().stream().noneMatch(p -> p.file().equals("index")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(kb.health().problems().stream().anyMatch(p -> p.file().equals("index") && p.problem().contains("commit")),
                    kb.health().problems().toString());
        } finally {
            try {
                kb.close();
            } catch (java.io.IOException | RuntimeException expected) {
                // the index folder is gone, so its last commit cannot be written
            }
        }
    }
}
