package shopkb.indexing;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.FilteredDocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A scored query restricted to some units (of the asked types, or of a scenario) by handing the restriction to its
 * bulk scorer as the documents it may accept, the way deleted documents are handed over, rather than as a FILTER
 * clause. With a FILTER clause that most units pass (an FAQ's questions are four fifths of the units), Lucene scores
 * the disjunction document by document through a priority queue, and searching the FAQ units only cost more than
 * searching everything; accepted documents keep its windowed, block-at-a-time paths (in-process at 10,000 entries:
 * 0.78-0.82 ms per FAQ-only search as a FILTER clause, 0.59-0.60 ms as accepted documents, scores the same). Scores, and
 * so the order, are those of the same query with the restriction as a FILTER clause.
 *
 * <p>A restriction that lets through fewer than half the units (a scenario, the phrasings) rewrites to the FILTER
 * clause: then Lucene leads with it and skips what it excludes. Which units a restriction accepts is a bitset per
 * segment (a bit per unit), made on first use and dropped with the segment; at most {@value #MAX_KEPT_PER_SEGMENT}
 * restrictions are kept per segment (a scenario is the caller's text).
 */
final class AcceptedUnitsQuery extends Query {

    private static final int MAX_KEPT_PER_SEGMENT = 64;
    /** The share of units from which a restriction is handed over as accepted documents rather than a FILTER clause. */
    private static final double DENSE = 0.5;

    /** Per segment: per restriction, the units it accepts. */
    private static final PerSegment<Map<Query, Accepted>> KEPT = new PerSegment<>();

    /** The units of one segment a restriction accepts, and how many. */
    private record Accepted(FixedBitSet bits, int count) {
    }

    private final Query scored;
    private final Query restriction;

    /** @param restriction a query whose matches are the units {@code scored} may match; it adds nothing to scores */
    AcceptedUnitsQuery(Query scored, Query restriction) {
        this.scored = Objects.requireNonNull(scored);
        this.restriction = Objects.requireNonNull(restriction);
    }

    /** A restriction that lets through fewer than half the units rewrites to the FILTER clause. */
    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        long accepted = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            accepted += accepted(leaf, searcher).count();
        }
        if (accepted < DENSE * searcher.getIndexReader().maxDoc()) {
            return new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST)
                    .add(restriction, BooleanClause.Occur.FILTER).build();
        }
        Query rewritten = scored.rewrite(searcher);
        return rewritten == scored ? this : new AcceptedUnitsQuery(rewritten, restriction);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, scored.createWeight(searcher, scoreMode, boost)) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(leaf);
                return supplier == null ? null : new Restricted(supplier, accepted(leaf, searcher).bits());
            }

            @Override
            public int count(LeafReaderContext leaf) {
                return -1;
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return false;
            }

            @Override
            public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
                return accepted(leaf, searcher).bits().get(doc) ? in.explain(leaf, doc)
                        : Explanation.noMatch("not among the asked units: " + restriction);
            }

            @Override
            public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
                return accepted(leaf, searcher).bits().get(doc) ? in.matches(leaf, doc) : null;
            }
        };
    }

    /** The units of {@code leaf} the restriction accepts, kept per segment. */
    private Accepted accepted(LeafReaderContext leaf, IndexSearcher searcher) throws IOException {
        Map<Query, Accepted> kept = KEPT.get(leaf.reader(), ConcurrentHashMap::new);
        Accepted accepted = kept.get(restriction);
        if (accepted == null) {
            accepted = matches(leaf, searcher);
            if (kept.size() < MAX_KEPT_PER_SEGMENT) {
                kept.putIfAbsent(restriction, accepted);
            }
        }
        return accepted;
    }

    private Accepted matches(LeafReaderContext leaf, IndexSearcher searcher) throws IOException {
        var bits = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = searcher.createWeight(searcher.rewrite(restriction), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
        if (scorer != null) {
            bits.or(scorer.iterator());
        }
        return new Accepted(bits, bits.cardinality());
    }

    /** The scored query's scorers over the accepted units only. */
    private static final class Restricted extends ScorerSupplier {

        private final ScorerSupplier in;
        private final FixedBitSet accepted;

        Restricted(ScorerSupplier in, FixedBitSet accepted) {
            this.in = in;
            this.accepted = accepted;
        }

        @Override
        public Scorer get(long leadCost) throws IOException {
            return new AcceptedScorer(in.get(leadCost), accepted);
        }

        @Override
        public BulkScorer bulkScorer() throws IOException {
            BulkScorer bulk = in.bulkScorer();
            return new BulkScorer() {
                @Override
                public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                    return bulk.score(collector, alsoAccepted(acceptDocs), min, max);
                }

                @Override
                public long cost() {
                    return bulk.cost();
                }
            };
        }

        /** The accepted units that {@code acceptDocs} (the live ones, or null for all) also accepts. */
        private Bits alsoAccepted(Bits acceptDocs) {
            if (acceptDocs == null) {
                return accepted;
            }
            if (acceptDocs instanceof FixedBitSet live) {
                FixedBitSet both = accepted.clone();
                both.and(live);
                return both;
            }
            return new Bits() {
                @Override
                public boolean get(int index) {
                    return accepted.get(index) && acceptDocs.get(index);
                }

                @Override
                public int length() {
                    return accepted.length();
                }
            };
        }

        @Override
        public long cost() {
            return in.cost();
        }

        @Override
        public void setTopLevelScoringClause() throws IOException {
            in.setTopLevelScoringClause();
        }
    }

    /** A scorer skipping the units not accepted (for callers that iterate rather than bulk-score). */
    private static final class AcceptedScorer extends Scorer {

        private final Scorer in;
        private final DocIdSetIterator iterator;

        AcceptedScorer(Scorer in, FixedBitSet accepted) {
            this.in = in;
            this.iterator = new FilteredDocIdSetIterator(in.iterator()) {
                @Override
                protected boolean match(int doc) {
                    return accepted.get(doc);
                }
            };
        }

        @Override
        public int docID() {
            return iterator.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo);
        }

        @Override
        public float score() throws IOException {
            return in.score();
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        scored.visit(visitor);
        restriction.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
    }

    @Override
    public String toString(String field) {
        return scored.toString(field) + " accepting " + restriction.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && scored.equals(((AcceptedUnitsQuery) other).scored)
                && restriction.equals(((AcceptedUnitsQuery) other).restriction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + scored.hashCode()) + restriction.hashCode();
    }
}
