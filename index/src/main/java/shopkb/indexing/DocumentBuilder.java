package shopkb.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.content.ProductEntry;

/** Turns one entry into its units (see {@link Fields}): what each unit holds, for every engine, and as Lucene documents. */
public final class DocumentBuilder {

    private DocumentBuilder() {
    }

    /** The entry's units as the embedded Lucene index stores them. */
    public static List<Document> build(Entry entry) {
        return units(entry).stream().map(DocumentBuilder::lucene).toList();
    }

    /** The entry's units, engine-neutral. */
    public static List<UnitDocument> units(Entry entry) {
        var units = new ArrayList<UnitDocument>();
        switch (entry) {
            case FaqEntry faq -> {
                List<String> questions = faq.allQuestions();
                for (int i = 0; i < questions.size(); i++) {
                    var texts = new LinkedHashMap<String, String>();
                    texts.put(Fields.QUESTION_WORDS, questions.get(i));
                    texts.put(Fields.QUESTION_GRAMS, questions.get(i));
                    texts.put(Fields.QUESTION_PINYIN, questions.get(i));
                    units.add(unit(entry, Fields.Unit.QUESTION, i, texts));
                }
                var body = new LinkedHashMap<String, String>();
                body.put(Fields.BODY_WORDS, join(Stream.concat(Stream.of(faq.answer(), faq.note()), faq.tags().stream())));
                units.add(unit(entry, Fields.Unit.BODY, 0, body));
            }
            case PhrasingEntry phrasing -> {
                var texts = title(phrasing.title());
                texts.put(Fields.BODY_WORDS, join(Stream.of(
                        Stream.of(phrasing.text(), phrasing.whenToUse()), phrasing.tags().stream(), phrasing.replaces().stream())
                        .flatMap(s -> s)));
                units.add(unit(entry, Fields.Unit.BODY, 0, texts));
            }
            case PolicyEntry policy -> {
                for (int i = 0; i < policy.sections().size(); i++) {
                    PolicySection section = policy.sections().get(i);
                    var texts = title(policy.title() + " " + section.heading());
                    texts.put(Fields.BODY_WORDS, section.text());
                    units.add(unit(entry, Fields.Unit.SECTION, i, texts));
                }
            }
            case ProductEntry product -> {
                var texts = title(product.name() + " " + product.code());
                String facts = product.attributes().entrySet().stream()
                        .map(a -> a.getKey() + " " + a.getValue()).collect(Collectors.joining("\n"));
                texts.put(Fields.BODY_WORDS, join(Stream.of(
                        Stream.of(facts, product.sizeAdvice(), product.care()), product.tags().stream()).flatMap(s -> s)));
                units.add(unit(entry, Fields.Unit.BODY, 0, texts));
            }
        }
        return units;
    }

    /**
     * The unit with every text field: an empty value for each it lacks. A field on only some documents has sparse norms,
     * read through a doc-id index on every scored hit: that lookup was a quarter of search time at 100k entries. An empty
     * value stores a norm and adds no term, so scores do not change.
     */
    private static UnitDocument unit(Entry entry, Fields.Unit unit, int index, Map<String, String> texts) {
        var all = new LinkedHashMap<String, String>();
        for (String field : Fields.TEXT_FIELDS) {
            all.put(field, texts.getOrDefault(field, ""));
        }
        List<String> products = entry.productCodes().stream().map(code -> code.toLowerCase(Locale.ROOT)).toList();
        return new UnitDocument(entry.id(), entry.type().folder(), entry.scenario(), products, unit, index, all);
    }

    private static Document lucene(UnitDocument unit) {
        var doc = new Document();
        doc.add(new StringField(Fields.ENTRY_ID, unit.entryId(), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, unit.type(), Field.Store.NO));
        doc.add(new StringField(Fields.SCENARIO, unit.scenario(), Field.Store.NO));
        for (String code : unit.products()) {
            doc.add(new StringField(Fields.PRODUCT, code, Field.Store.NO));
        }
        doc.add(new SortedDocValuesField(Fields.ENTRY_ID, new BytesRef(unit.entryId())));
        doc.add(new NumericDocValuesField(Fields.UNIT, unit.unit().ordinal()));
        doc.add(new NumericDocValuesField(Fields.UNIT_INDEX, unit.index()));
        unit.texts().forEach((field, text) -> doc.add(new TextField(field, text, Field.Store.NO)));
        return doc;
    }

    private static LinkedHashMap<String, String> title(String title) {
        var texts = new LinkedHashMap<String, String>();
        texts.put(Fields.TITLE_WORDS, title);
        texts.put(Fields.TITLE_GRAMS, title);
        texts.put(Fields.TITLE_PINYIN, title);
        return texts;
    }

    private static String join(Stream<String> parts) {
        return parts.filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n"));
    }
}
