package shopkb.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import shopkb.indexing.UnitIndex.FieldTerm;
import shopkb.indexing.WordsDisjunction.BoostedTerm;

/** A {@link UnitQuery} as the embedded engine's Lucene query. */
final class LuceneUnitQuery {

    private LuceneUnitQuery() {
    }

    /**
     * @param states term states already looked up for the searcher's reader (null for a term not looked up): a clause
     *               given its term's states skips the terms-dictionary seek; scores are the same
     * @param windowed the disjunction summed a window of units at a time ({@link UnitDisjunctionQuery}); scores are the same
     */
    static Query of(UnitQuery query, Function<FieldTerm, TermStates> states, boolean windowed) {
        if (query.clauses().isEmpty()) {
            return new MatchNoDocsQuery("nothing searchable in the message");
        }
        var terms = new ArrayList<BoostedTerm>();
        var groups = new ArrayList<List<BoostedTerm>>();
        for (UnitQuery.Clause clause : query.clauses()) {
            switch (clause) {
                case UnitQuery.Term term -> terms.add(boosted(term, states));
                case UnitQuery.BestOf best -> groups.add(best.alternatives().stream().map(term -> boosted(term, states)).toList());
            }
        }
        var words = new WordsDisjunction(terms, groups);
        Query scored = windowed ? UnitDisjunctionQuery.of(words) : words.booleanQuery();
        Query restriction = restriction(query);
        return restriction == null ? scored : new AcceptedUnitsQuery(scored, restriction);
    }

    /** The units the query may match (of its types and scenario), or null for any. */
    private static Query restriction(UnitQuery query) {
        var restriction = new BooleanQuery.Builder();
        if (!query.types().isEmpty()) {
            var types = new BooleanQuery.Builder();
            for (String type : query.types()) {
                types.add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.SHOULD);
            }
            restriction.add(types.build(), BooleanClause.Occur.FILTER);
        }
        if (query.scenario() != null) {
            restriction.add(new TermQuery(new Term(Fields.SCENARIO, query.scenario())), BooleanClause.Occur.FILTER);
        }
        BooleanQuery built = restriction.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private static BoostedTerm boosted(UnitQuery.Term term, Function<FieldTerm, TermStates> states) {
        return new BoostedTerm(new Term(term.field(), term.text()), term.boost(),
                states.apply(new FieldTerm(term.field(), term.text())));
    }
}
