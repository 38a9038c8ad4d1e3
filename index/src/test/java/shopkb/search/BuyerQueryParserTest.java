package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import shopkb.Fixture;
import shopkb.analysis.AnalysisOptions;
import shopkb.analysis.Analyzers;
import shopkb.analysis.Vocabulary;
import shopkb.analysis.VocabularyLoader;

class BuyerQueryParserTest {

    private final BuyerQueryParser parser = parserWith(Fixture.source());

    static BuyerQueryParser parserWith(java.nio.file.Path content) {
        Vocabulary vocabulary = VocabularyLoader.load(content);
        return new BuyerQueryParser(new Analyzers(AnalysisOptions.full(), () -> vocabulary), () -> vocabulary,
                RankingOptions.full());
    }

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
        QueryTerm content = query.words().stream().filter(t -> t.text().equals("包邮")).findFirst().orElseThrow();
        assertTrue(particle.weight() < 0.5f);
        assertEquals(1f, content.weight());
    }

    @Test
    void domainWordsFromTheVocabularyStayWhole() {
        assertTrue(texts(parser.parse("顺丰到付吗").words()).contains("顺丰到付"));
    }

    @Test
    void internetSpellingsAreRewrittenBeforeSearch() {
        BuyerQuery query = parser.parse("木有货了吗");

        assertTrue(query.normalized().startsWith("没有货"), query.normalized());
    }

    @Test
    void synonymsAreAddedAsAlternativesOfTheirSpanAtALowerWeight() {
        BuyerQuery query = parser.parse("免邮吗");

        QueryTerm synonym = query.words().stream().filter(t -> t.text().equals("包邮")).findFirst().orElseThrow();
        assertTrue(synonym.weight() < 1f);
        assertTrue(synonym.group() >= 0);
        assertEquals(0, synonym.start());
        assertEquals(2, synonym.end());
    }

    @Test
    void pinyinPairsAreProducedForHomophoneMatching() {
        assertEquals(texts(parser.parse("包邮").pinyin()), texts(parser.parse("包游").pinyin()));
        assertEquals(List.of("bao_you"), texts(parser.parse("包邮").pinyin()));
    }

    @Test
    void sizesWeighLessThanContentWords() {
        QueryTerm size = parser.parse("185的有吗").words().stream().filter(t -> t.text().equals("185")).findFirst().orElseThrow();

        assertTrue(size.weight() < 1f);
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
