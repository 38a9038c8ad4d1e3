package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.content.EntryType;

class SearchServiceTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.inMemory(Fixture.source());
    }

    @AfterAll
    static void close() throws Exception {
        kb.close();
    }

    private static SearchResponse search(String text) {
        return kb.search(SearchRequest.of(text, 10));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            发什么快递呀              | shipping.carriers
            包邮不                    | shipping.free-shipping
            这个还有没有货            | stock.availability
            衣服质量太差了要退钱      | aftersale.quality-complaint
            洗了会掉色吗              | product.care
            """)
    void buyerMessagesReachTheirIntentFirst(String message, String intent) {
        assertEquals(intent, search(message).results().getFirst().intent());
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            這件有貨嗎          | 这件有货吗
            包郵嗎              | 包邮吗
            發什麼快遞          | 发什么快递
            """)
    void traditionalCharactersReachTheSameTopResultAsSimplified(String traditional, String simplified) {
        assertEquals(search(simplified).results().getFirst().id(), search(traditional).results().getFirst().id());
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            包游吗              | 包邮吗
            我要退宽            | 我要退款
            发什么快第          | 发什么快递
            """)
    void homophoneTyposReachTheSameTopResultAsTheRightSpelling(String typo, String right) {
        assertEquals(search(right).results().getFirst().id(), search(typo).results().getFirst().id());
    }

    @Test
    void theWordsQueryOfAMessageHoldsItsClausesAndNoneForTermsNoUnitHolds() {
        var clauses = kb.searchService().wordsQuery(SearchRequest.of("发什么快递", 10)).clauses();
        assertTrue(clauses.stream().anyMatch(c -> c instanceof shopkb.indexing.UnitQuery.Term t && t.text().equals("快递")), clauses.toString());
        assertTrue(kb.searchService().wordsQuery(SearchRequest.of("zzqxv", 10)).clauses().isEmpty());
    }

    @Test
    void synonymsFromTheVocabularyMatch() {
        assertEquals("shipping.free-shipping", search("免邮吗").results().getFirst().intent());
    }

    @Test
    void internetSpellingsMatchTheirStandardForm() {
        assertEquals("stock.availability", search("这个颜色木有货了吗").results().getFirst().intent());
    }

    @Test
    void negativeExamplesPushTheirEntryDown() throws Exception {
        String message = "洗了褪色能退款吗";
        try (KnowledgeBase without = KnowledgeBase.inMemory(Fixture.source(), RankingOptions.full().without("negatives"), shopkb.semantic.MeaningModel.off())) {
            assertEquals("faq.product.care", without.search(SearchRequest.of(message, 5)).results().getFirst().id());
        }
        assertEquals("aftersale.quality-complaint", search(message).results().getFirst().intent());
    }

    @Test
    void eachResultSaysWhichTermsMatched() {
        SearchResult top = search("你们发什么快递").results().getFirst();

        assertTrue(top.matchedTerms().containsAll(List.of("快递", "什么")), top.matchedTerms().toString());
    }

    @Test
    void aLongPastedChatTurnStillFindsItsMainIntent() {
        String paste = "亲,你好,在吗?麻烦问一下,我昨天看了好几家店,你们家的衣服挺好看的,"
                + "我想买那件T恤,但是我想先问问,你们一般发什么快递,默认是哪家快递公司呀?谢谢亲!".repeat(3);

        assertEquals("shipping.carriers", search(paste).results().getFirst().intent());
    }

    @Test
    void faqResultsCarryTheAnswerAndTheirPhrasings() {
        SearchResult top = search("你们发什么快递").results().getFirst();

        assertEquals("faq.shipping.carriers", top.id());
        assertEquals("faq", top.type());
        assertTrue(top.answer().contains("申通"));
        assertEquals(List.of("phr.shipping.carriers"), top.phrasingIds());
        assertTrue(top.snippet().contains("<mark>"), top.snippet());
    }

    @Test
    void theResponseCarriesTheFirstAnswersRecommendedPhrasingsWithTheirTexts() {
        SearchResponse response = search("你们发什么快递");

        assertEquals(List.of(new RecommendedPhrasing("phr.shipping.carriers", "默认快递", "亲,我们默认发申通、圆通、E邮宝哦!", "/kd")),
                response.recommended());
    }

    @Test
    void withoutAnFaqResultNothingIsRecommended() {
        SearchResponse response = kb.search(new SearchRequest("快递", 10, Set.of(EntryType.PHRASING, EntryType.POLICY), null, null));

        assertFalse(response.results().isEmpty());
        assertEquals(List.of(), response.recommended());
    }

    @Test
    void productResultsCarryTheirFactsSizeAdviceAndCare() {
        SearchResult product = kb.search(new SearchRequest("纯棉T恤", 10, Set.of(EntryType.PRODUCT), null, null)).results().getFirst();

        assertEquals("1801-215", product.code());
        assertEquals("100%纯棉", product.attributes().get("面料"));
        assertEquals("手洗,不要机洗或浸泡", product.care());
        assertEquals("修身版型,平时穿L码的选XL", product.sizeAdvice());
    }

    @Test
    void phrasingResultsCarryTheirTextAndPolicyResultsTheirSection() {
        SearchResponse response = kb.search(new SearchRequest("顺丰到付", 10,
                Set.of(EntryType.POLICY, EntryType.PHRASING), null, null));

        SearchResult policy = response.results().getFirst();
        assertEquals("policy", policy.type());
        assertEquals("顺丰", policy.section());
        assertTrue(policy.snippet().contains("<mark>顺丰</mark>"), policy.snippet());
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        SearchResponse response = kb.search(new SearchRequest("快递", 10, Set.of(EntryType.PHRASING), null, null));

        assertFalse(response.results().isEmpty());
        assertTrue(response.results().stream().allMatch(r -> r.type().equals("phrasing")));
        assertEquals("/kd", response.results().getFirst().shortcut());
    }

    @Test
    void theProductInFocusLiftsItsFactsAndAnswers() {
        SearchResponse without = kb.search(new SearchRequest("怎么洗", 10, Set.of(), null, null));
        SearchResponse with = kb.search(new SearchRequest("怎么洗", 10, Set.of(), null, "1801-215"));

        double scoreWithout = without.results().stream().filter(r -> r.id().equals("product.1801-215"))
                .mapToDouble(SearchResult::score).findFirst().orElse(0);
        double scoreWith = with.results().stream().filter(r -> r.id().equals("product.1801-215"))
                .mapToDouble(SearchResult::score).findFirst().orElseThrow();
        assertTrue(scoreWith > scoreWithout);
    }

    @Test
    void snippetsAreHtmlEscaped() {
        SearchResult top = search("<script>快递</script>").results().getFirst();

        assertFalse(top.snippet().contains("<script>"));
    }

    @Test
    void messagesWithNothingSearchableGetAnEmptyResult() {
        SearchResponse response = search("?!。。");

        assertEquals(0, response.total());
        assertTrue(response.results().isEmpty());
        assertFalse(response.confident());
    }

    @Test
    void onTopicMessagesAreConfident() {
        assertTrue(search("你们发什么快递").confident());
        assertTrue(search("包邮吗").confident());
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天天气不错", "哈哈", "你吃饭了吗", "周末去哪玩", "帮我写个作业", "hello world"})
    void chitChatAndOffTopicMessagesGetNoConfidentAnswer(String message) {
        assertFalse(search(message).confident());
    }

    @Test
    void limitCapsTheNumberOfResults() {
        assertEquals(2, kb.search(SearchRequest.of("快递", 2)).results().size());
    }
}
