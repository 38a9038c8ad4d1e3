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

    /**
     * Entry id, indexed but not tokenised (units of one entry are replaced and deleted by it) and a doc value
     * (read per hit to collapse units into entries; doc values are far cheaper than stored fields there).
     */
    public static final String ENTRY_ID = "entry_id";
    /** Entry type (faq, phrasing, ...), not tokenised: an exact filter. */
    public static final String TYPE = "type";
    /** Scenario (售前, 物流, ...), not tokenised: an exact filter. */
    public static final String SCENARIO = "scenario";
    /** Product codes the entry is about, not tokenised: lifts the product in focus. */
    public static final String PRODUCT = "product";
    /** Which unit of the entry this document is (ordinal of {@link Unit}), a doc value, to pick the snippet. */
    public static final String UNIT = "unit";
    /** Position of the question or section within the entry, a doc value, to pick the snippet. */
    public static final String UNIT_INDEX = "unit_index";

    /** Buyer-side questions, segmented into words by smartcn. */
    public static final String QUESTION_WORDS = "question_words";
    /** The same questions as character bigrams, robust to segmentation errors. */
    public static final String QUESTION_GRAMS = "question_grams";
    /** Titles and headings, words. */
    public static final String TITLE_WORDS = "title_words";
    /** Titles and headings, bigrams. */
    public static final String TITLE_GRAMS = "title_grams";
    /**
     * Answers, phrasing texts, policy sections and product facts, words only: long texts' bigram postings cost
     * a fifth of the search time at 100k entries and changed no ranking in the quality sets.
     */
    public static final String BODY_WORDS = "body_words";

    /** Questions and titles as pairs of toneless pinyin syllables, for homophone typos. */
    public static final String QUESTION_PINYIN = "question_pinyin";
    /** Titles as pinyin pairs. */
    public static final String TITLE_PINYIN = "title_pinyin";
    /** Every analysed text field. */
    public static final java.util.List<String> TEXT_FIELDS = java.util.List.of(QUESTION_WORDS, QUESTION_GRAMS,
            QUESTION_PINYIN, TITLE_WORDS, TITLE_GRAMS, TITLE_PINYIN, BODY_WORDS);
    public static final java.util.List<String> WORD_FIELDS = java.util.List.of(QUESTION_WORDS, TITLE_WORDS, BODY_WORDS);
    public static final java.util.List<String> PINYIN_FIELDS = java.util.List.of(QUESTION_PINYIN, TITLE_PINYIN);
    /** Exact values, not tokenised: {@link #ENTRY_ID}, {@link #TYPE}, {@link #SCENARIO}, {@link #PRODUCT}. */
    public static final java.util.List<String> KEYWORD_FIELDS = java.util.List.of(ENTRY_ID, TYPE, SCENARIO, PRODUCT);

    /** How a text field is analysed; every engine analyses a field with the analyzer named here. */
    public enum Analysis { WORDS, GRAMS, PINYIN }

    /** The analysis of one of {@link #TEXT_FIELDS}: words and pinyin fields by name, bigrams for the rest. */
    public static Analysis analysisOf(String textField) {
        if (WORD_FIELDS.contains(textField)) {
            return Analysis.WORDS;
        }
        return PINYIN_FIELDS.contains(textField) ? Analysis.PINYIN : Analysis.GRAMS;
    }

    /** Kinds of unit document. */
    public enum Unit { QUESTION, SECTION, BODY }

    private Fields() {
    }
}
