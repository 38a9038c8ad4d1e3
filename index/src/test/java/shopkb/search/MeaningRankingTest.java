package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shopkb.KnowledgeBase;
import shopkb.analysis.TextNormalizer;
import shopkb.check.Finding;
import shopkb.check.LikeBadPhrasing;
import shopkb.content.FaqEntry;
import shopkb.semantic.MeaningModel;
import shopkb.semantic.OnnxSentenceEncoder;
import shopkb.semantic.SharedModel;

/** On the demo shop, ranking by words and meaning finds what the words alone cannot, and knows when it is sure. */
class MeaningRankingTest {

    private static KnowledgeBase fused;
    private static KnowledgeBase words;

    @BeforeAll
    static void open() {
        Path demo = Path.of("..", "faq-content");
        fused = KnowledgeBase.inMemory(demo, RankingOptions.full(), SharedModel.get());
        words = KnowledgeBase.inMemory(demo, RankingOptions.full(), MeaningModel.off());
    }

    @AfterAll
    static void close() throws Exception {
        fused.close();
        words.close();
    }

    private static SearchResult top(KnowledgeBase kb, String message) {
        return kb.search(SearchRequest.of(message, 5)).results().getFirst();
    }

    /** Character pairs of a text, as a stand-in for its words (a Chinese word is one or more characters). */
    private static Set<String> pairs(String text) {
        String folded = TextNormalizer.normalize(text);
        var pairs = new HashSet<String>();
        for (int i = 0; i + 1 < folded.length(); i++) {
            if (Character.isLetterOrDigit(folded.charAt(i)) && Character.isLetterOrDigit(folded.charAt(i + 1))) {
                pairs.add(folded.substring(i, i + 2));
            }
        }
        return pairs;
    }

    @Test
    void aMessageSharingNoWordsWithItsFaqIsFoundByMeaning() {
        String message = "盼星星盼月亮也不见人影";
        for (var entry : fused.content().entries().values()) {
            if (entry instanceof FaqEntry faq && faq.intent().equals("shipping.not-received")) {
                for (String question : faq.allQuestions()) {
                    Set<String> shared = pairs(question);
                    shared.retainAll(pairs(message));
                    assertTrue(shared.isEmpty(), "the message shares " + shared + " with 「" + question + "」");
                }
            }
        }
        assertNotEquals("shipping.not-received", top(words, message).intent(), "words alone miss it");
        SearchResult result = top(fused, message);
        assertEquals("shipping.not-received", result.intent());
        assertTrue(result.matchedBy().contains("meaning"));
    }

    @Test
    void eachResultSaysWhichSignalFoundIt() {
        SearchResult result = top(fused, "包邮吗");
        assertEquals("faq.shipping.free-shipping", result.id());
        assertEquals(List.of("words", "meaning"), result.matchedBy());
        assertEquals(List.of("words"), top(words, "包邮吗").matchedBy());
    }

    @Test
    void chitChatIsNeverConfident() {
        for (String message : List.of("哈哈", "今天天气不错", "帮我订个外卖", "你们公司年会在哪开")) {
            SearchResponse response = fused.search(SearchRequest.of(message, 5));
            assertFalse(response.confident(), message + " → " + response.confidence());
        }
    }

    @Test
    void aClearQuestionIsConfidentAndConfidenceStaysBetweenZeroAndOne() {
        SearchResponse response = fused.search(SearchRequest.of("你们发什么快递", 5));
        assertTrue(response.confident());
        assertTrue(response.confidence() > 0.5 && response.confidence() <= 1, "confidence " + response.confidence());
    }

    @Test
    void withoutTheModelSearchFallsBackToWordsAndSaysWhy() throws Exception {
        MeaningModel missing = MeaningModel.loadFrom("/no-such-model.onnx", OnnxSentenceEncoder.TOKENIZER_RESOURCE);
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Path.of("..", "faq-content"), RankingOptions.full(), missing)) {
            assertEquals("unavailable", kb.health().meaning().status());
            assertTrue(kb.health().meaning().detail().contains("words only"));
            SearchResult result = top(kb, "包邮吗");
            assertEquals("faq.shipping.free-shipping", result.id());
            assertEquals(List.of("words"), result.matchedBy());
        }
    }

    @Test
    void aDraftMeaningTheSameAsABadPhrasingIsFlaggedWithTheBetterPhrasing() {
        List<Finding> findings = fused.check("那您就申请退款好了", "质量太差了", null);
        Finding finding = findings.stream().filter(f -> f.rule().equals(LikeBadPhrasing.RULE)).findFirst().orElseThrow();
        assertTrue(finding.message().contains("那请你退款好了"), finding.message());
        assertTrue(finding.phrasingIds().contains("phr.aftersale.quality-sorry"), finding.phrasingIds().toString());
        assertTrue(words.check("那您就申请退款好了", "质量太差了", null).stream()
                .noneMatch(f -> f.rule().equals(LikeBadPhrasing.RULE)), "the rules alone do not see it");
    }

    @Test
    void goodDraftsAreNotFlaggedByMeaning() {
        for (String draft : List.of("亲,这款是正品哦,请放心", "好的,马上为您查询物流", "亲,非常抱歉给您带来不便,麻烦把订单号发我一下")) {
            assertTrue(fused.check(draft, null, null).stream().noneMatch(f -> f.rule().equals(LikeBadPhrasing.RULE)), draft);
        }
    }
}
