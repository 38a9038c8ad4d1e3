package shopkb.indexing;

import java.util.ArrayList;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import shopkb.indexing.UnitIndex.FieldTerm;

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
        var text = new BooleanQuery.Builder();
        for (UnitQuery.Clause clause : query.clauses()) {
            text.add(clause(clause, states), BooleanClause.Occur.SHOULD);
        }
        Query scored = windowed ? UnitDisjunctionQuery.of(text.build()) : text.build();
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

    private static Query clause(UnitQuery.Clause clause, Function<FieldTerm, TermStates> states) {
        return switch (clause) {
            case UnitQuery.Term term -> term(term, states);
            case UnitQuery.BestOf best -> {
                var alternatives = new ArrayList<Query>();
                best.alternatives().forEach(term -> alternatives.add(term(term, states)));
                yield new DisjunctionMaxQuery(alternatives, 0f);
            }
        };
    }

    private static Query term(UnitQuery.Term term, Function<FieldTerm, TermStates> states) {
        Term indexed = new Term(term.field(), term.text());
        TermStates known = states.apply(new FieldTerm(term.field(), term.text()));
        return new BoostQuery(known == null ? new TermQuery(indexed) : new TermQuery(indexed, known), term.boost());
    }
}
