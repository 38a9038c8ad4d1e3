package shopkb.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.content.ContentProblem;

/** The demo shop's reply rules (faq-content/rules) on drafts an agent might write. */
class ReplyCheckerTest {

    private static final Path DEMO = Path.of("..", "faq-content");
    private final ReplyChecker checker = checkerFor(DEMO);

    @TempDir
    Path tmp;

    private static ReplyChecker checkerFor(Path content) {
        RuleSet rules = RuleSet.load(content, Set.of("phr.tone.can-do", "phr.tone.willing", "phr.tone.honorific",
                "phr.tone.ok", "phr.size.ask", "phr.size.confirm", "phr.bargain.lowest", "phr.bargain.no-permission",
                "phr.bargain.fixed-price", "phr.tone.patience", "phr.recommend.ask-need", "phr.aftersale.quality-sorry",
                "phr.shipping.checking", "phr.aftersale.our-fault", "phr.tone.empathy", "phr.shipping.delivery-time",
                "phr.shipping.no-guarantee", "phr.tone.humor-safe", "phr.review.reply"));
        assertEquals(List.of(), rules.problems());
        return new ReplyChecker(() -> rules);
    }

    private List<String> rules(String draft, String buyer) {
        return checker.check(draft, buyer, null).stream().map(Finding::rule).distinct().sorted().toList();
    }

    @Test
    void negativeLanguageIsFoundWithItsSpanAndASuggestion() {
        Finding finding = checker.check("亲,这个我不能帮您改", null, null).getFirst();

        assertEquals("negative-language", finding.rule());
        assertEquals(4, finding.start());
        assertEquals(7, finding.end());
        assertEquals("我不能", finding.text());
        assertTrue(finding.phrasingIds().contains("phr.tone.can-do"));
        assertTrue(finding.message().contains("负面语言"));
    }

    @Test
    void goodFormsAreNotFlagged() {
        assertEquals(List.of(), rules("亲,我们不能保证几天到,正常3-4天哦", "几天到"));
        assertEquals(List.of(), rules("好的哦,您稍等:)", "帮我备注"));
        assertEquals(List.of(), rules("亲,你们那边今天能收到哦", "到了吗"));
        assertEquals(List.of(), rules("亲,我有点头晕,稍等哈", "在吗"));
        assertEquals(List.of(), rules("亲,正常情况下3-4天到,无法保证3天到哦", "三天到吗"));
    }

    @Test
    void contextDecides_anAfterSaleComplaintNeedsAnApology() {
        assertEquals(List.of("missing-apology"), rules("请提供订单号", "衣服开线了我要退货"));
        assertEquals(List.of(), rules("请提供订单号", "我想改个地址"));
        assertEquals(List.of(), rules("亲,非常抱歉,请提供订单号", "衣服开线了我要退货"));
    }

    @Test
    void contextDecides_aVagueAnswerToASizeQuestion() {
        assertEquals(List.of("vague-size"), rules("应该可以吧", "我175穿这个可以吗"));
        assertEquals(List.of(), rules("应该可以吧", "能用支付宝吗"));
    }

    @Test
    void traditionalDraftsAreCheckedTheSameWithSpansInTheOriginal() {
        Finding finding = checker.check("本店恕不講價", "便宜點", null).getFirst();

        assertEquals("blunt-refusal", finding.rule());
        assertEquals("恕不講價", finding.text());
    }

    @Test
    void aFindingCarriesARewriteWhereOneExists() {
        Finding finding = checker.check("你好", "在吗", null).getFirst();

        assertEquals("address-ni", finding.rule());
        assertEquals("您", finding.replacement());
    }

    @Test
    void theLabelledDraftsMeetThePrecisionAndRecallBar() throws Exception {
        Path file = Path.of(ReplyCheckerTest.class.getResource("/check/drafts.tsv").toURI());
        CheckEvaluator.Report report = CheckEvaluator.evaluate(checker, CheckEvaluator.readTsv(file));

        assertTrue(report.overall().precision() >= 0.90, report.toString());
        assertTrue(report.overall().recall() >= 0.85, report.toString());
    }

    @Test
    void aBadRuleFileIsReportedAndTheOthersStillApply() {
        Path content = tmp.resolve("content");
        Fixture.write(content.resolve("rules/good.yaml"), "id: good\nmessage: 不说晕\npatterns: ['晕']\n");
        Fixture.write(content.resolve("rules/broken.yaml"), "id: broken\nmessage: x\npatterns: ['(unclosed']\n");
        Fixture.write(content.resolve("rules/orphan.yaml"), "id: orphan\nmessage: x\npatterns: ['x']\nphrasings: [phr.none]\n");

        RuleSet rules = RuleSet.load(content, Set.of());

        assertEquals(1, rules.size());
        assertEquals(List.of("patterns[0]", "phrasings[0]"), rules.problems().stream().map(ContentProblem::field).toList());
    }
}
