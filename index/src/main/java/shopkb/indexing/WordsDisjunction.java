package shopkb.indexing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words query's clauses as Lucene scores them: boosted terms, each counted, and best-of groups of boosted terms, each
 * counting its best (a {@link DisjunctionMaxQuery} with no tie-breaker); a unit's score is the sum of its clauses'.
 *
 * @param terms the single terms
 * @param groups the best-of groups, each of at least one term
 */
record WordsDisjunction(List<BoostedTerm> terms, List<List<BoostedTerm>> groups) {

    /**
     * One boosted term clause.
     *
     * @param states the term's states in the searcher's reader, looked up beforehand (null: looked up when searched)
     */
    record BoostedTerm(Term term, float boost, TermStates states) {

        Query query() {
            TermQuery query = states == null ? new TermQuery(term) : new TermQuery(term, states);
            return new BoostQuery(query, boost);
        }
    }

    WordsDisjunction {
        terms = List.copyOf(terms);
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** The BooleanQuery of SHOULD clauses that stands for these clauses. */
    BooleanQuery booleanQuery() {
        var query = new BooleanQuery.Builder();
        for (BoostedTerm term : terms) {
            query.add(term.query(), BooleanClause.Occur.SHOULD);
        }
        for (List<BoostedTerm> group : groups) {
            var alternatives = new ArrayList<Query>(group.size());
            group.forEach(term -> alternatives.add(term.query()));
            query.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Whether a term comes in more than one clause. Lucene merges repeated clauses of a BooleanQuery into one clause of
     * their summed boost (whatever their boosts), whose float score is not always the sum of theirs. A term both alone
     * and in a group, or in two groups, is not merged by Lucene; it counts here too, as telling those apart buys nothing
     * (the query building makes neither).
     */
    boolean repeatsATerm() {
        var seen = new HashSet<Term>();
        for (BoostedTerm term : terms) {
            if (!seen.add(term.term())) {
                return true;
            }
        }
        for (List<BoostedTerm> group : groups) {
            for (BoostedTerm term : group) {
                if (!seen.add(term.term())) {
                    return true;
                }
            }
        }
        return false;
    }
}
