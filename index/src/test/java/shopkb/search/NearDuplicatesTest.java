package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.content.FaqEntry;
import shopkb.semantic.SharedModel;

/** Editors learn when a question they save means the same as another FAQ's: buyers' messages could find either. */
class NearDuplicatesTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedQuestionMeaningTheSameAsAnotherFaqsIsReportedWithThatEntry() {
        try (KnowledgeBase kb = KnowledgeBase.open(Fixture.copyTo(tmp), tmp.resolve("data"), RankingOptions.full(), SharedModel.get())) {
            var faq = new FaqEntry("faq.shipping.which-carrier", "shipping.carriers", "物流", "发货用的哪家快递公司",
                    List.of("你们家发的是什么快递", "退货运费谁出"), "亲,默认申通、圆通。", null, List.of(), List.of(), List.of());
            kb.editor().create(faq, "test");

            List<NearDuplicate> found = kb.nearDuplicates(faq, Integer.MAX_VALUE);
            NearDuplicate duplicate = found.stream().filter(d -> d.field().equals("similar[0]")).findFirst().orElseThrow();
            assertEquals("faq.shipping.carriers", duplicate.entryId());
            assertEquals("你们发什么快递", duplicate.otherQuestion());
            assertTrue(duplicate.similarity() >= 0.9);
            assertTrue(found.stream().noneMatch(d -> d.field().equals("similar[1]")), "a different question is no duplicate");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wordsOnlyReportsNothing() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.source())) {
            var faq = (FaqEntry) kb.entry("faq.shipping.carriers").orElseThrow();
            assertTrue(kb.nearDuplicates(faq, 10).isEmpty());
        }
    }
}
