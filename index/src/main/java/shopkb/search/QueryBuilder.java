package shopkb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import shopkb.content.EntryType;
import shopkb.indexing.Fields;
import shopkb.indexing.UnitQuery;

/**
 * Builds the query for a {@link BuyerQuery}, for every engine (see {@link UnitQuery}): exact terms only (no query syntax),
 * each weighted by its term weight and its field's weight. A buyer message is matched first against questions, then
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

    static UnitQuery build(BuyerQuery query, SearchRequest request, RankingOptions options) {
        var text = new ArrayList<UnitQuery.Clause>();
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
            text.add(new UnitQuery.Term(Fields.PRODUCT, code, PRODUCT_FOCUS_BOOST));
        }
        if (text.isEmpty()) {
            return UnitQuery.NOTHING;
        }
        return new UnitQuery(text, request.types().stream().map(EntryType::folder).toList(), request.scenario());
    }

    static List<String> focusCodes(BuyerQuery query, SearchRequest request) {
        var codes = new LinkedHashSet<String>(query.productCodes());
        if (request.productCode() != null) {
            codes.add(request.productCode().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(codes);
    }

    private static float boost(RankingOptions options, float fieldBoost) {
        return options.fieldWeighting() ? fieldBoost : 1f;
    }

    /**
     * One clause per ordinary term; the expansions of one synonym span go into a single best-of clause, so a concept
     * with many synonyms counts once, not once per synonym.
     */
    private static void addField(List<UnitQuery.Clause> clauses, String field, List<QueryTerm> terms, float fieldBoost) {
        var groups = new LinkedHashMap<Integer, List<UnitQuery.Term>>();
        for (QueryTerm term : terms) {
            if (term.weight() <= BuyerQueryParser.PARTICLE_WEIGHT) {
                // Particles are the commonest terms: scoring their long postings cost ~15% of a search at 100k
                // entries for a tenth of a word's weight, and changed no ranking. They still count for
                // highlighting and confidence.
                continue;
            }
            var clause = new UnitQuery.Term(field, term.text(), fieldBoost * term.weight());
            if (term.group() < 0) {
                clauses.add(clause);
            } else {
                groups.computeIfAbsent(term.group(), g -> new ArrayList<>()).add(clause);
            }
        }
        for (List<UnitQuery.Term> alternatives : groups.values()) {
            clauses.add(new UnitQuery.BestOf(alternatives));
        }
    }
}
