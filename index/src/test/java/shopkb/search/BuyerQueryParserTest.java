package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuyerQueryParserTest {

    private final BuyerQueryParser parser = new BuyerQueryParser();

    private static List<String> texts(List<QueryTerm> terms) {
        return terms.stream().map(QueryTerm::text).toList();
    }

    @Test
    void phoneAndOrderNumbersAreRecognisedAndNeverSearched() {
        BuyerQuery query = parser.parse("我的手机13812345678,订单号 2026112312345678 怎么还没发货");

        assertEquals(List.of("13812345678", "2026112312345678"), query.ignored());
        assertFalse(texts(query.words()).stream().anyMatch(t -> t.matches(".*\\d{6,}.*")));
        assertTrue(texts(query.words()).contains("发货"));
    }

    @Test
    void productCodesAndSizesAreRecognised() {
        BuyerQuery query = parser.parse("1712-102这件夹克175的XL码有吗");

        assertEquals(List.of("1712-102"), query.productCodes());
        assertEquals(List.of("175", "xl"), query.sizes());
        assertFalse(texts(query.grams()).contains("1712"));
    }

    @Test
    void particlesAndFillerWeighLessThanContentWords() {
        BuyerQuery query = parser.parse("亲,包邮吗");

        QueryTerm particle = query.words().stream().filter(t -> t.text().equals("吗")).findFirst().orElseThrow();
        QueryTerm content = query.grams().stream().filter(t -> t.text().equals("包邮")).findFirst().orElseThrow();
        assertTrue(particle.weight() < 0.5f);
        assertEquals(1f, content.weight());
    }

    @Test
    void luceneQuerySyntaxIsJustText() {
        BuyerQuery query = parser.parse("title:包邮 AND (顺丰 OR *) ~2 \"");

        assertTrue(texts(query.grams()).containsAll(List.of("包邮", "顺丰")));
        assertFalse(texts(query.words()).contains("*"));
    }

    @Test
    void emojiAndBrokenSurrogatesDoNotBreakParsing() {
        BuyerQuery query = parser.parse("😀包邮吗\uD800?");

        assertTrue(texts(query.grams()).contains("包邮"));
    }

    @Test
    void punctuationOnlyMessagesHaveNothingToSearch() {
        assertTrue(parser.parse("???!!! 。。。").isEmpty());
    }

    @Test
    void longPastesAreAnalysedOnlyUpToTheCap() {
        String paste = "亲在吗,".repeat(2000) + "包邮吗";
        BuyerQuery query = parser.parse(paste);

        assertTrue(query.normalized().length() <= BuyerQueryParser.MAX_ANALYZED_CHARS);
    }
}
