package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import shopkb.content.FaqEntry;

class UnitDocumentTest {

    @Test
    void aUnitsIdNamesItsEntryUnitAndPositionAndReadsBack() {
        var faq = new FaqEntry("faq.shipping.sf-express", "shipping.sf-express", "物流", "能发顺丰吗", List.of("可以走顺丰吗"),
                "亲,可以发顺丰到付哦", null, List.of(), List.of(), List.of());

        List<UnitDocument> units = DocumentBuilder.units(faq);

        assertEquals(List.of("faq.shipping.sf-express#0#0", "faq.shipping.sf-express#0#1", "faq.shipping.sf-express#2#0"),
                units.stream().map(UnitDocument::id).toList());
        assertEquals(new UnitIndex.ScoredUnit("faq.shipping.sf-express", Fields.Unit.QUESTION, 1, 2.5f),
                UnitDocument.parseId(units.get(1).id(), 2.5f));
    }

    @Test
    void everyUnitHasEveryTextFieldInTheirOrder() {
        var faq = new FaqEntry("faq.a", "a", "物流", "能发顺丰吗", List.of(), "亲,可以", null, List.of(), List.of(), List.of());

        for (UnitDocument unit : DocumentBuilder.units(faq)) {
            assertEquals(Fields.TEXT_FIELDS, List.copyOf(unit.texts().keySet()));
        }
    }

    @Test
    void somethingElseIsNotAUnitId() {
        assertThrows(IllegalArgumentException.class, () -> UnitDocument.parseId("_shopkb_build", 1f));
    }
}
