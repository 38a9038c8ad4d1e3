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
    void onTopicMessagesAreConfidentAndChitChatIsNot() {
        assertTrue(search("你们发什么快递").confident());
        assertFalse(search("今天天气不错").confident());
        assertFalse(search("哈哈").confident());
    }

    @Test
    void limitCapsTheNumberOfResults() {
        assertEquals(2, kb.search(SearchRequest.of("快递", 2)).results().size());
    }
}
