package shopkb.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import shopkb.content.EntryType;
import shopkb.indexing.Fields;

/**
 * Builds the Lucene query for a {@link BuyerQuery}: term queries only (no query syntax), each weighted
 * by its term weight and its field's weight. A buyer message is matched first against questions, then
 * titles, then body text.
 */
final class QueryBuilder {

    static final float QUESTION_BOOST = 3f;
    static final float TITLE_BOOST = 1.5f;
    static final float BODY_BOOST = 0.6f;
    /** Bigrams overlap each other, so each counts for less than a word. */
    static final float GRAMS_BOOST = 0.7f;
    static final float PRODUCT_FOCUS_BOOST = 4f;
    /** Pinyin catches homophone typos but must never beat an exact match. */
    static final float PINYIN_BOOST = 0.3f;

    private QueryBuilder() {
    }

    static Query build(BuyerQuery query, SearchRequest request, RankingOptions options) {
        var text = new BooleanQuery.Builder();
        addField(text, Fields.QUESTION_WORDS, query.words(), boost(options, QUESTION_BOOST));
        addField(text, Fields.TITLE_WORDS, query.words(), boost(options, TITLE_BOOST));
        addField(text, Fields.BODY_WORDS, query.words(), boost(options, BODY_BOOST));
        if (options.bigrams()) {
            addField(text, Fields.QUESTION_GRAMS, query.grams(), boost(options, QUESTION_BOOST) * GRAMS_BOOST);
            addField(text, Fields.TITLE_GRAMS, query.grams(), boost(options, TITLE_BOOST) * GRAMS_BOOST);
        }
        if (options.pinyin()) {
            addField(text, Fields.QUESTION_PINYIN, query.pinyin(), boost(options, QUESTION_BOOST) * PINYIN_BOOST);
            addField(text, Fields.TITLE_PINYIN, query.pinyin(), boost(options, TITLE_BOOST) * PINYIN_BOOST);
        }
        for (String code : focusCodes(query, request)) {
            text.add(new BoostQuery(new TermQuery(new Term(Fields.PRODUCT, code)), PRODUCT_FOCUS_BOOST), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery textQuery = text.build();
        if (textQuery.clauses().isEmpty()) {
            return new MatchNoDocsQuery("nothing searchable in the message");
        }
        var filtered = new BooleanQuery.Builder().add(textQuery, BooleanClause.Occur.MUST);
        if (!request.types().isEmpty()) {
            var types = new BooleanQuery.Builder();
            for (EntryType type : request.types()) {
                types.add(new TermQuery(new Term(Fields.TYPE, type.folder())), BooleanClause.Occur.SHOULD);
            }
            filtered.add(types.build(), BooleanClause.Occur.FILTER);
        }
        if (request.scenario() != null) {
            filtered.add(new TermQuery(new Term(Fields.SCENARIO, request.scenario())), BooleanClause.Occur.FILTER);
        }
        return filtered.build();
    }

    static List<String> focusCodes(BuyerQuery query, SearchRequest request) {
        var codes = new java.util.LinkedHashSet<String>(query.productCodes());
        if (request.productCode() != null) {
            codes.add(request.productCode().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(codes);
    }

    private static float boost(RankingOptions options, float fieldBoost) {
        return options.fieldWeighting() ? fieldBoost : 1f;
    }

    /**
     * One SHOULD clause per ordinary term; the expansions of one synonym span go into a single
     * disjunction-max clause, so a concept with many synonyms counts once, not once per synonym.
     */
    private static void addField(BooleanQuery.Builder builder, String field, List<QueryTerm> terms, float fieldBoost) {
        var groups = new java.util.LinkedHashMap<Integer, List<Query>>();
        for (QueryTerm term : terms) {
            if (term.weight() <= BuyerQueryParser.PARTICLE_WEIGHT) {
                // Particles are the commonest terms: scoring their long postings cost ~15% of a search at 100k
                // entries for a tenth of a word's weight, and changed no ranking. They still count for
                // highlighting and confidence.
                continue;
            }
            Query clause = new BoostQuery(new TermQuery(new Term(field, term.text())), fieldBoost * term.weight());
            if (term.group() < 0) {
                builder.add(clause, BooleanClause.Occur.SHOULD);
            } else {
                groups.computeIfAbsent(term.group(), g -> new java.util.ArrayList<>()).add(clause);
            }
        }
        for (List<Query> alternatives : groups.values()) {
            builder.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD);
        }
    }
}
