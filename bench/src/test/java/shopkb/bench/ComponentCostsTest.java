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
        assertEquals(expected, List.copyOf(micros.keySet()));
        assertTrue(micros.values().stream().allMatch(m -> m > 0), micros.toString());
        String table = printed.toString(StandardCharsets.UTF_8);
        for (String config : expected) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith(config + " ")), config + " missing in\n" + table);
        }
    }
}
