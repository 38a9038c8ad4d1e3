package shopkb.indexing;

import java.util.ArrayList;
import java.util.List;
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

/** Turns one entry into its unit documents (see {@link Fields}). */
public final class DocumentBuilder {

    private DocumentBuilder() {
    }

    public static List<Document> build(Entry entry) {
        var docs = new ArrayList<Document>();
        switch (entry) {
            case FaqEntry faq -> {
                List<String> questions = faq.allQuestions();
                for (int i = 0; i < questions.size(); i++) {
                    Document doc = unit(entry, Fields.Unit.QUESTION, i);
                    text(doc, Fields.QUESTION_WORDS, Fields.QUESTION_GRAMS, questions.get(i));
                    doc.add(new TextField(Fields.QUESTION_PINYIN, questions.get(i), Field.Store.NO));
                    docs.add(doc);
                }
                Document body = unit(entry, Fields.Unit.BODY, 0);
                body(body, join(Stream.concat(Stream.of(faq.answer(), faq.note()), faq.tags().stream())));
                docs.add(body);
            }
            case PhrasingEntry phrasing -> {
                Document body = unit(entry, Fields.Unit.BODY, 0);
                title(body, phrasing.title());
                body(body, join(Stream.of(
                        Stream.of(phrasing.text(), phrasing.whenToUse()), phrasing.tags().stream(), phrasing.replaces().stream())
                        .flatMap(s -> s)));
                docs.add(body);
            }
            case PolicyEntry policy -> {
                for (int i = 0; i < policy.sections().size(); i++) {
                    PolicySection section = policy.sections().get(i);
                    Document doc = unit(entry, Fields.Unit.SECTION, i);
                    title(doc, policy.title() + " " + section.heading());
                    body(doc, section.text());
                    docs.add(doc);
                }
            }
            case ProductEntry product -> {
                Document body = unit(entry, Fields.Unit.BODY, 0);
                title(body, product.name() + " " + product.code());
                String facts = product.attributes().entrySet().stream()
                        .map(a -> a.getKey() + " " + a.getValue()).collect(Collectors.joining("\n"));
                body(body, join(Stream.of(
                        Stream.of(facts, product.sizeAdvice(), product.care()), product.tags().stream()).flatMap(s -> s)));
                docs.add(body);
            }
        }
        docs.forEach(DocumentBuilder::withEveryTextField);
        return docs;
    }

    /**
     * Gives the unit an empty value for each text field it lacks. A field on only some documents has sparse
     * norms, read through a doc-id index on every scored hit: that lookup was a quarter of search time at 100k
     * entries. An empty value stores a norm and adds no term, so scores do not change.
     */
    private static void withEveryTextField(Document doc) {
        for (String field : Fields.TEXT_FIELDS) {
            if (doc.getField(field) == null) {
                doc.add(new TextField(field, "", Field.Store.NO));
            }
        }
    }

    private static Document unit(Entry entry, Fields.Unit unit, int index) {
        var doc = new Document();
        doc.add(new StringField(Fields.ENTRY_ID, entry.id(), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, entry.type().folder(), Field.Store.NO));
        doc.add(new StringField(Fields.SCENARIO, entry.scenario(), Field.Store.NO));
        for (String code : entry.productCodes()) {
            doc.add(new StringField(Fields.PRODUCT, code.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        doc.add(new SortedDocValuesField(Fields.ENTRY_ID, new BytesRef(entry.id())));
        doc.add(new NumericDocValuesField(Fields.UNIT, unit.ordinal()));
        doc.add(new NumericDocValuesField(Fields.UNIT_INDEX, index));
        return doc;
    }

    private static void title(Document doc, String title) {
        text(doc, Fields.TITLE_WORDS, Fields.TITLE_GRAMS, title);
        doc.add(new TextField(Fields.TITLE_PINYIN, title, Field.Store.NO));
    }

    private static void body(Document doc, String text) {
        doc.add(new TextField(Fields.BODY_WORDS, text, Field.Store.NO));
    }

    private static void text(Document doc, String wordsField, String gramsField, String text) {
        doc.add(new TextField(wordsField, text, Field.Store.NO));
        doc.add(new TextField(gramsField, text, Field.Store.NO));
    }

    private static String join(Stream<String> parts) {
        return parts.filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("\n"));
    }
}
