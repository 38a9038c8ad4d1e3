package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 「退货运费谁出」 as words 退货 运费 谁 出, 运费 with the synonym 邮费 standing for it. */
class MessageCoverageTest {

    private static final QueryTerm RETURN = new QueryTerm("退货", 0, 2, 1f);
    private static final QueryTerm FREIGHT = new QueryTerm("运费", 2, 4, 1f);
    private static final QueryTerm POSTAGE = new QueryTerm("邮费", 2, 4, 0.8f, 0);
    private static final QueryTerm WHO = new QueryTerm("谁", 4, 5, 1f);
    private static final BuyerQuery MESSAGE = new BuyerQuery("退货运费谁出", "退货运费谁出", "退货运费谁出",
            List.of(RETURN, FREIGHT, POSTAGE, WHO), List.of(), List.of(), List.of(), List.of(), List.of());

    private final MessageCoverage coverage = new MessageCoverage(idf(), MESSAGE);

    private static Map<QueryTerm, Double> idf() {
        var idf = new LinkedHashMap<QueryTerm, Double>();
        idf.put(RETURN, 2.0);
        idf.put(FREIGHT, 1.5);
        idf.put(WHO, 0.5);
        return idf;
    }

    @Test
    void eachTermCountsByItsWeight() {
        assertEquals(1.0, coverage.of("退货的运费由谁承担"));
        assertEquals(2.0 / 4.0, coverage.of("七天无理由退货"));
        assertEquals(0.0, coverage.of("发什么快递"));
    }

    @Test
    void aSynonymInTheTextCoversTheTermItStandsFor() {
        assertEquals(3.5 / 4.0, coverage.of("退货邮费怎么算"));
    }

    @Test
    void theTextIsFoldedBeforeTermsAreLookedFor() {
        assertEquals(3.5 / 4.0, coverage.of("退貨運費"));
    }

    @Test
    void aMessageWithoutWeightedTermsCoversNothing() {
        var none = new MessageCoverage(Map.of(), MESSAGE);
        assertEquals(0.0, none.of("退货运费谁出"));
    }
}
