package shopkb.indexing;

/**
 * Every Lucene field name, with the reason for its type.
 *
 * <p>An entry becomes several Lucene documents ("units"): one per FAQ question (standard and each
 * similar question), one per policy section, and one for the body of every entry. Short question units
 * let BM25 compare a buyer message with one question at a time, instead of with a long list whose
 * length would penalise FAQ entries that have many similar questions.
 */
public final class Fields {

    /** Entry id, indexed but not tokenised: units of one entry are collapsed, replaced and deleted by it. */
    public static final String ENTRY_ID = "entry_id";
    /** Entry type (faq, phrasing, ...), not tokenised: an exact filter. */
    public static final String TYPE = "type";
    /** Scenario (售前, 物流, ...), not tokenised: an exact filter. */
    public static final String SCENARIO = "scenario";
    /** Product codes the entry is about, not tokenised: lifts the product in focus. */
    public static final String PRODUCT = "product";
    /** Which unit of the entry this document is (see {@link Unit}), stored to pick the snippet. */
    public static final String UNIT = "unit";
    /** Position of the question or section within the entry, stored to pick the snippet. */
    public static final String UNIT_INDEX = "unit_index";

    /** Buyer-side questions, segmented into words by smartcn. */
    public static final String QUESTION_WORDS = "question_words";
    /** The same questions as character bigrams, robust to segmentation errors. */
    public static final String QUESTION_GRAMS = "question_grams";
    /** Titles and headings, words. */
    public static final String TITLE_WORDS = "title_words";
    /** Titles and headings, bigrams. */
    public static final String TITLE_GRAMS = "title_grams";
    /** Answers, phrasing texts, policy sections and product facts, words. */
    public static final String BODY_WORDS = "body_words";
    /** The same body text, bigrams. */
    public static final String BODY_GRAMS = "body_grams";

    /** Kinds of unit document. */
    public enum Unit { QUESTION, SECTION, BODY }

    private Fields() {
    }

    public static boolean isWordsField(String field) {
        return field.endsWith("_words");
    }
}
