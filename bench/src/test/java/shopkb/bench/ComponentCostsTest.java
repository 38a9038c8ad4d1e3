package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.content.ContentLoader;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.search.RankingOptions;

/** {@code ./kb bench --components true} over a small synthetic knowledge base. */
class ComponentCostsTest {

    @Test
    void timesTheWordsChainWithoutEachComponentAndTheBaseline() throws Exception {
        var printed = new ByteArrayOutputStream();
        Map<String, Double> micros = ComponentCosts.run(Path.of("..", "faq-content"), 60, 1,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        var expected = new ArrayList<>(List.of("words"));
        RankingOptions.LEXICAL_COMPONENTS.forEach(component -> expected.add("-" + component));
        expected.add("baseline");
        expected.add(ComponentCosts.ONE_UNIT_PER_FAQ);
        assertEquals(expected, List.copyOf(micros.keySet()));
        assertTrue(micros.values().stream().allMatch(m -> m > 0), micros.toString());
        String table = printed.toString(StandardCharsets.UTF_8);
        for (String config : expected) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith(config + " ")), config + " missing in\n" + table);
        }
        assertTrue(table.lines().anyMatch(line -> line.startsWith("clauses ") && line.contains("µs/search")), table);
    }

    @Test
    void theOneUnitPerFaqContentHoldsEachFaqsQuestionsAsItsOneQuestion(@TempDir Path dir) throws Exception {
        Path demo = Path.of("..", "faq-content");
        int cut = ComponentCosts.writeOneUnitPerFaq(demo, dir.resolve("one"));

        Map<String, Entry> before = new ContentLoader(demo).load().entries();
        Map<String, Entry> after = new ContentLoader(dir.resolve("one")).load().entries();
        assertEquals(before.keySet(), after.keySet());
        int kept = 0;
        int questions = 0;
        for (Entry entry : before.values()) {
            if (entry instanceof FaqEntry faq) {
                FaqEntry merged = (FaqEntry) after.get(faq.id());
                assertEquals(List.of(), merged.similar(), faq.id());
                assertEquals(faq.question(), merged.question().lines().findFirst().orElseThrow(), faq.id());
                assertTrue(faq.allQuestions().containsAll(merged.question().lines().toList()), faq.id());
                assertEquals(faq.answer(), merged.answer(), faq.id());
                kept += (int) merged.question().lines().count();
                questions += faq.allQuestions().size();
            } else {
                assertEquals(entry, after.get(entry.id()));
            }
        }
        assertEquals(questions, kept + cut);
    }
}
