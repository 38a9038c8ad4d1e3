package shopkb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled demo shop in faq-content/ stays complete and valid as editors change it. */
class DemoContentTest {

    private static final Path DEMO = Path.of("..", "faq-content");

    @Test
    void demoContentLoadsWithoutProblemsAndHasAtLeast150Entries() {
        LoadedContent content = new ContentLoader(DEMO).load();

        assertEquals(List.of(), content.problems());
        assertTrue(content.entries().size() >= 150, "entries: " + content.entries().size());
        assertTrue(content.entries().values().stream().filter(e -> e instanceof ProductEntry).count() >= 5);
    }

    @Test
    void everyIntentHasAnFaqWithAtLeastThreeSimilarQuestions() {
        LoadedContent content = new ContentLoader(DEMO).load();
        Map<String, Integer> mostSimilar = content.entries().values().stream()
                .filter(e -> e instanceof FaqEntry)
                .map(e -> (FaqEntry) e)
                .collect(Collectors.toMap(FaqEntry::intent, f -> f.similar().size(), Math::max));

        for (String intent : content.intents().keySet()) {
            assertTrue(mostSimilar.getOrDefault(intent, 0) >= 3, intent + " needs an FAQ with 3+ similar questions");
        }
    }
}
