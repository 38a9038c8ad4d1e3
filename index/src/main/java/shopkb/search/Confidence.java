package shopkb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shopkb.indexing.Fields;
import shopkb.indexing.UnitIndex;

/**
 * Whether the top result answers the message: the share of the message's information its matching text
 * covers. Each full-weight term counts by its rarity (IDF over the questions), so filler words matter
 * little and a word the knowledge base has never seen ("作业", "旅游") weighs most: chit-chat and
 * off-topic messages are never confidently answered by a random FAQ.
 */
final class Confidence {

    private Confidence() {
    }

    /** The terms whose document frequency {@link #idf} needs: the message's words and bigrams, as in the questions. */
    static List<UnitIndex.FieldTerm> counted(BuyerQuery query) {
        var counted = new ArrayList<UnitIndex.FieldTerm>();
        for (QueryTerm term : counts(query.words())) {
            counted.add(new UnitIndex.FieldTerm(Fields.QUESTION_WORDS, term.text()));
        }
        for (QueryTerm term : counts(query.grams())) {
            counted.add(new UnitIndex.FieldTerm(Fields.QUESTION_GRAMS, term.text()));
        }
        return counted;
    }

    /** IDF of every full-weight, non-synonym term of the message, from what a search with {@link #counted} found. */
    static Map<QueryTerm, Double> idf(UnitIndex.Found found, BuyerQuery query) {
        var idf = new HashMap<QueryTerm, Double>();
        int docs = Math.max(1, found.docs());
        add(idf, found, docs, query.words(), Fields.QUESTION_WORDS);
        add(idf, found, docs, query.grams(), Fields.QUESTION_GRAMS);
        return idf;
    }

    private static void add(Map<QueryTerm, Double> idf, UnitIndex.Found found, int docs, List<QueryTerm> terms, String field) {
        for (QueryTerm term : counts(terms)) {
            Integer df = found.docFreqs().get(new UnitIndex.FieldTerm(field, term.text()));
            if (df == null) {
                throw new IllegalStateException("the index did not count '" + term.text() + "' in " + field);
            }
            idf.put(term, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
        }
    }

    /** The terms that count for confidence: full weight, not a synonym's expansion. */
    private static List<QueryTerm> counts(List<QueryTerm> terms) {
        return terms.stream().filter(term -> term.weight() >= 1f && term.group() < 0).toList();
    }
}
