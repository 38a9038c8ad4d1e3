package shopkb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import shopkb.indexing.Fields;

/**
 * Whether the top result answers the message: the share of the message's information its matching text
 * covers. Each full-weight term counts by its rarity (IDF over the questions), so filler words matter
 * little and a word the knowledge base has never seen ("作业", "旅游") weighs most: chit-chat and
 * off-topic messages are never confidently answered by a random FAQ.
 */
final class Confidence {

    private Confidence() {
    }

    /** IDF of every full-weight, non-synonym term of the message. */
    static Map<QueryTerm, Double> idf(IndexReader reader, BuyerQuery query) throws IOException {
        var idf = new HashMap<QueryTerm, Double>();
        int docs = Math.max(1, reader.numDocs());
        add(idf, reader, docs, query.words(), Fields.QUESTION_WORDS);
        add(idf, reader, docs, query.grams(), Fields.QUESTION_GRAMS);
        return idf;
    }

    private static void add(Map<QueryTerm, Double> idf, IndexReader reader, int docs, List<QueryTerm> terms, String field)
            throws IOException {
        for (QueryTerm term : terms) {
            if (term.weight() >= 1f && term.group() < 0) {
                int df = reader.docFreq(new Term(field, term.text()));
                idf.put(term, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
            }
        }
    }

    /**
     * IDF-weighted share of the message's terms found in the result's matching text; a term also counts as
     * found when a synonym standing for its span was.
     */
    static double coverage(Map<QueryTerm, Double> idf, BuyerQuery query, List<String> matchedTerms) {
        var synonymSpans = new java.util.ArrayList<QueryTerm>();
        for (QueryTerm term : query.words()) {
            if (term.group() >= 0 && matchedTerms.contains(term.text())) {
                synonymSpans.add(term);
            }
        }
        for (QueryTerm term : query.grams()) {
            if (term.group() >= 0 && matchedTerms.contains(term.text())) {
                synonymSpans.add(term);
            }
        }
        double total = 0;
        double covered = 0;
        for (var entry : idf.entrySet()) {
            QueryTerm term = entry.getKey();
            total += entry.getValue();
            boolean viaSynonym = synonymSpans.stream().anyMatch(s -> s.start() <= term.start() && term.end() <= s.end());
            if (matchedTerms.contains(term.text()) || viaSynonym) {
                covered += entry.getValue();
            }
        }
        return total == 0 ? 0 : covered / total;
    }
}
