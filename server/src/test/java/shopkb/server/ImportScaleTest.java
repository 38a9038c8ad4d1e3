package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.KnowledgeBase;
import shopkb.content.FaqEntry;
import shopkb.quality.SyntheticContent;
import shopkb.transfer.ContentImporter;
import shopkb.transfer.ImportReport;
import shopkb.transfer.TransferFormat;

/** A shop's real sheet on a real-sized base: rows are matched to entries by lookup, not by a scan per row. */
class ImportScaleTest {

    @TempDir
    Path tmp;

    @Test
    void aTwentyThousandRowDryRunOnAFiveThousandEntryBaseTakesAtMostTenSeconds() throws Exception {
        Path content = tmp.resolve("content");
        SyntheticContent.write(Path.of("..", "faq-content"), content, 5_000, 7);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            List<FaqEntry> faqs = kb.content().entries().values().stream()
                    .filter(e -> e instanceof FaqEntry).map(e -> (FaqEntry) e).toList();
            var csv = new StringBuilder("标准问题,相似问法,答案,分类,意图\n");
            int again = 0;
            for (int i = 0; i < 20_000; i++) {
                // Every fourth row re-imports an existing FAQ's question (matched to that entry); the rest are new.
                boolean reimport = i % 4 == 0 && i / 4 < faqs.size();
                again += reimport ? 1 : 0;
                FaqEntry like = faqs.get((reimport ? i / 4 : i) % faqs.size());
                String question = reimport ? like.question() : like.question() + " 第" + i + "种问法";
                csv.append('"').append(question).append("\",\"").append(String.join("\n", like.similar()))
                        .append("\",\"").append(like.answer()).append("\",").append(like.scenario()).append(',')
                        .append(like.intent()).append('\n');
            }
            byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);

            long start = System.nanoTime();
            ImportReport report = new ContentImporter(kb).run(TransferFormat.CSV, data, true, "test");
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("import dry run: 20,000 rows (%d KB) on %d entries in %.2f s%n", data.length / 1024,
                    kb.content().entries().size(), seconds);
            assertEquals(20_000, report.rows());
            assertEquals(20_000 - again, report.created().size());
            // Synthetic FAQs share standard questions, so some re-imported rows name one entry twice.
            assertEquals(again, report.changed().size() + report.unchanged().size() + report.rejected().size());
            assertTrue(report.changed().size() + report.unchanged().size() > 500, "re-imported rows find their entries");
            assertTrue(report.rejected().stream().allMatch(r -> r.problems().getFirst().problem().contains("appears twice")));
            assertTrue(seconds <= 10, "dry run took " + seconds + " s");
        }
    }
}
