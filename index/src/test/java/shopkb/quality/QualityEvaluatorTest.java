package shopkb.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;

class QualityEvaluatorTest {

    @TempDir
    Path tmp;

    @Test
    void measuresHitAt1Hit3AndMrrAgainstLabels() throws Exception {
        Path tsv = tmp.resolve("q.tsv");
        Fixture.write(tsv, """
                query\tintent
                你们发什么快递\tshipping.carriers
                包邮吗\tshipping.free-shipping
                你们发什么快递\tstock.availability
                """);
        List<LabelledQuery> queries = LabelledQuery.readTsv(tsv);

        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.source())) {
            QualityReport report = QualityEvaluator.evaluate("full", kb.searchService(), queries);

            assertEquals(3, report.queries());
            assertEquals(2.0 / 3, report.hitAt1(), 1e-9);
            assertEquals(1, report.misses().size());
            assertEquals("stock.availability", report.misses().getFirst().expected());
        }
    }

    @Test
    void percentileOfSortedLatencies() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, QualityEvaluator.percentile(sorted, 0.5));
        assertEquals(10, QualityEvaluator.percentile(sorted, 0.99));
    }
}
