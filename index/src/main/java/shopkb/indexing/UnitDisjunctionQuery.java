package shopkb.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.lucene.codecs.BlockTermState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import shopkb.indexing.WordsDisjunction.BoostedTerm;

/**
 * The words query's disjunction ({@link WordsDisjunction}: boosted terms, and best-of groups of boosted terms) scored a
 * term at a time over windows of {@value #WINDOW} units, instead of by Lucene's MaxScore loop, in the first
 * segment when its clauses hold at most {@link #MAX_WINDOWED_POSTINGS} postings there (see {@link #suits} for when the
 * index is searched with it at all). A message's ~30 clauses match ~14,000 of 60,000 units at 10,000 entries and
 * MaxScore skips little of their postings; adding each clause's scores into an accumulator the size of a window (48 KB
 * with a group's best scores: the processor's nearest caches) walks the same postings with less bookkeeping per
 * document, and hands the collector only the units that beat its current worst. Over the whole segment at once, the
 * accumulator fell out of those caches and was no faster.
 *
 * <p>Scores are those of the {@link BooleanQuery} it stands for, float for float: each term is scored by the searcher's
 * similarity with the statistics {@link TermQuery} uses, a group counts its best term (as a {@link DisjunctionMaxQuery}
 * with no tie-breaker does), and a unit's clauses are summed in a double and cast, as Lucene's disjunctions sum them.
 * Equal scores go to the lower document, as with the collector over Lucene's scorers. Everything but bulk scoring
 * (iterating scorers, as a conjunction with a sparse restriction does; explanations; matches) is the BooleanQuery's,
 * which is made only then: building it (Lucene hashes every clause into its sets) was a cost on every search.
 */
final class UnitDisjunctionQuery extends Query {

    static final int WINDOW = 4096;
    /**
     * A segment whose clauses hold more postings than this is left to Lucene's MaxScore loop, and so is every segment
     * but the first: there the collector already holds the best units of the segments before, and MaxScore skips what
     * falls under them, which summing does not. At 100,000 entries (four segments of ~150,000 units, ~270,000 postings a
     * message) Lucene's part of a search summed a window at a time in every segment took 2.3-3.5 ms against MaxScore's
     * 1.7 ms, and in the first only the same as MaxScore; at 10,000 (one segment, ~27,000 postings a message) MaxScore
     * skipped little. The bound keeps large segments with MaxScore: the 100,000 entries merged into one segment
     * (session 15) took 1.66-1.73 ms summed a window at a time against MaxScore's 1.20-1.21 ms.
     */
    static final long MAX_WINDOWED_POSTINGS = 100_000;

    private final WordsDisjunction words;
    private final long maxWindowedPostings;
    /** The BooleanQuery it stands for, made when first asked (not on every search's path): see {@link #booleanQuery()}. */
    private BooleanQuery booleanQuery;

    private UnitDisjunctionQuery(WordsDisjunction words, long maxWindowedPostings) {
        this.words = words;
        this.maxWindowedPostings = maxWindowedPostings;
    }

    /**
     * Whether the words query should be summed a window at a time over {@code reader}: when one segment, the first, holds
     * nearly all its units (a built index, and the few units saved since). Over several segments of a size (100,000
     * entries: four of ~150,000 units) whole searches were a third slower with it, for reasons not found yet, though
     * Lucene's part alone was not: there the plain BooleanQuery is searched.
     */
    static boolean suits(IndexReader reader) {
        return !reader.leaves().isEmpty() && reader.leaves().get(0).reader().maxDoc() >= 0.9 * reader.maxDoc();
    }

    /**
     * {@code words} scored a window at a time; their BooleanQuery itself when a term comes twice (Lucene would merge the
     * two clauses into one, see {@link WordsDisjunction#repeatsATerm()}).
     */
    static Query of(WordsDisjunction words) {
        return of(words, MAX_WINDOWED_POSTINGS);
    }

    /** As {@link #of(WordsDisjunction)}, segments of more than {@code maxWindowedPostings} postings left to Lucene. */
    static Query of(WordsDisjunction words, long maxWindowedPostings) {
        return words.repeatsATerm() ? words.booleanQuery() : new UnitDisjunctionQuery(words, maxWindowedPostings);
    }

    /** The BooleanQuery: made at most a few times by racing threads, each time equal (its fields are final). */
    private BooleanQuery booleanQuery() {
        BooleanQuery made = booleanQuery;
        if (made == null) {
            made = words.booleanQuery();
            booleanQuery = made;
        }
        return made;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        // A field's statistics are summed over the segments: once per field, not once per term (7 fields, ~30 terms).
        var statistics = new HashMap<String, CollectionStatistics>();
        List<Clause> single = new ArrayList<>();
        for (BoostedTerm term : words.terms()) {
            addClause(searcher, term, boost, statistics, single);
        }
        List<List<Clause>> bestOf = new ArrayList<>();
        for (List<BoostedTerm> group : words.groups()) {
            List<Clause> alternatives = new ArrayList<>();
            for (BoostedTerm term : group) {
                addClause(searcher, term, boost, statistics, alternatives);
            }
            if (!alternatives.isEmpty()) {
                bestOf.add(alternatives);
            }
        }
        return new WindowedWeight(searcher, scoreMode, boost, single, bestOf);
    }

    /** A term with its similarity's scorer, as TermQuery's weight makes it; a term no unit holds scores nothing. */
    private record Clause(Term term, TermStates states, Similarity.SimScorer scorer) {
    }

    private static void addClause(IndexSearcher searcher, BoostedTerm term, float boost,
                                  Map<String, CollectionStatistics> statistics, List<Clause> into) throws IOException {
        TermStates states = term.states() != null && term.states().wasBuiltFor(searcher.getTopReaderContext())
                ? term.states() : TermStates.build(searcher, term.term(), true);
        if (states.docFreq() > 0) {
            String field = term.term().field();
            CollectionStatistics fieldStatistics = statistics.get(field);
            if (fieldStatistics == null) {
                // Not null: a unit holds the term, so the field has documents.
                fieldStatistics = searcher.collectionStatistics(field);
                statistics.put(field, fieldStatistics);
            }
            Similarity.SimScorer scorer = searcher.getSimilarity().scorer(boost * term.boost(), fieldStatistics,
                    searcher.termStatistics(term.term(), states.docFreq(), states.totalTermFreq()));
            into.add(new Clause(term.term(), states, scorer));
        }
    }

    private final class WindowedWeight extends Weight {

        private final IndexSearcher searcher;
        private final ScoreMode scoreMode;
        private final float boost;
        private final List<Clause> single;
        private final List<List<Clause>> bestOf;
        private Weight booleanWeight;

        WindowedWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost, List<Clause> single, List<List<Clause>> bestOf) {
            super(UnitDisjunctionQuery.this);
            this.searcher = searcher;
            this.scoreMode = scoreMode;
            this.boost = boost;
            this.single = single;
            this.bestOf = bestOf;
        }

        /** The BooleanQuery's weight, made only when something other than bulk scoring is asked (by the one searching thread). */
        private Weight booleanWeight() throws IOException {
            if (booleanWeight == null) {
                booleanWeight = searcher.createWeight(searcher.rewrite(booleanQuery()), scoreMode, boost);
            }
            return booleanWeight;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
            List<Clause> here = present(leaf, single);
            long postings = postings(leaf, here);
            List<List<Clause>> groupsHere = new ArrayList<>();
            for (List<Clause> group : bestOf) {
                List<Clause> alternatives = present(leaf, group);
                if (!alternatives.isEmpty()) {
                    groupsHere.add(alternatives);
                    postings += postings(leaf, alternatives);
                }
            }
            if (here.isEmpty() && groupsHere.isEmpty()) {
                return null;
            }
            long cost = postings;
            return new ScorerSupplier() {
                private boolean topLevel;

                /** The BooleanQuery's own supplier, told it scores at the top level if this one was (its MaxScore loop). */
                private ScorerSupplier lucenes() throws IOException {
                    ScorerSupplier supplier = booleanWeight().scorerSupplier(leaf);
                    if (supplier == null) {
                        throw new IllegalStateException("the BooleanQuery matches nothing where its terms do: " + booleanQuery());
                    }
                    if (topLevel) {
                        supplier.setTopLevelScoringClause();
                    }
                    return supplier;
                }

                @Override
                public Scorer get(long leadCost) throws IOException {
                    return lucenes().get(leadCost);
                }

                @Override
                public void setTopLevelScoringClause() {
                    topLevel = true;
                }

                @Override
                public BulkScorer bulkScorer() throws IOException {
                    if (cost > maxWindowedPostings || leaf.docBase > 0) {
                        return lucenes().bulkScorer();
                    }
                    var termsEnums = new HashMap<String, TermsEnum>();
                    List<Cursor> cursors = new ArrayList<>(here.size());
                    for (Clause clause : here) {
                        cursors.add(Cursor.open(leaf, clause, termsEnums));
                    }
                    List<List<Cursor>> groupCursors = new ArrayList<>(groupsHere.size());
                    for (List<Clause> group : groupsHere) {
                        List<Cursor> alternatives = new ArrayList<>(group.size());
                        for (Clause clause : group) {
                            alternatives.add(Cursor.open(leaf, clause, termsEnums));
                        }
                        groupCursors.add(alternatives);
                    }
                    return new WindowedScorer(leaf.reader().maxDoc(), cursors, groupCursors, cost);
                }

                @Override
                public long cost() {
                    return cost;
                }
            };
        }

        /** How many units of {@code leaf} hold the clauses' terms, summed (the terms' counts in every segment if unknown). */
        private static long postings(LeafReaderContext leaf, List<Clause> clauses) throws IOException {
            long postings = 0;
            for (Clause clause : clauses) {
                postings += clause.states().get(leaf).get() instanceof BlockTermState state ? state.docFreq : clause.states().docFreq();
            }
            return postings;
        }

        /** The clauses whose term some unit of {@code leaf} holds. */
        private static List<Clause> present(LeafReaderContext leaf, List<Clause> clauses) throws IOException {
            List<Clause> here = new ArrayList<>(clauses.size());
            for (Clause clause : clauses) {
                if (clause.states().get(leaf) != null) {
                    here.add(clause);
                }
            }
            return here;
        }

        @Override
        public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
            return booleanWeight().explain(leaf, doc);
        }

        @Override
        public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
            return booleanWeight().matches(leaf, doc);
        }

        @Override
        public boolean isCacheable(LeafReaderContext leaf) {
            return false;
        }
    }

    /** One term's postings in one segment, their norms (null: none, each counts 1) and their scorer, read a batch at a time. */
    private record Cursor(PostingsEnum postings, NumericDocValues norms, Similarity.BulkSimScorer scorer) {

        /**
         * The clause's postings in {@code leaf}, which holds its term; {@code termsEnums} holds one terms enum per field
         * (postings, once made, no longer need theirs).
         */
        static Cursor open(LeafReaderContext leaf, Clause clause, Map<String, TermsEnum> termsEnums) throws IOException {
            TermState state = clause.states().get(leaf).get();
            String field = clause.term().field();
            TermsEnum termsEnum = termsEnums.get(field);
            if (termsEnum == null) {
                termsEnum = leaf.reader().terms(field).iterator();
                termsEnums.put(field, termsEnum);
            }
            termsEnum.seekExact(clause.term().bytes(), state);
            return new Cursor(termsEnum.postings(null, PostingsEnum.FREQS), leaf.reader().getNormValues(field),
                    clause.scorer().asBulkSimScorer());
        }
    }

    /**
     * Scores a window of units at a time: each term's postings in the window add their scores into the window's
     * accumulator (a group's terms first keep their best per unit), then the units scored are handed over in order.
     */
    private static final class WindowedScorer extends BulkScorer {

        private final int maxDoc;
        private final List<Cursor> single;
        private final List<List<Cursor>> groups;
        private final long cost;
        private final Window window = Window.take();
        private final double[] sums = window.sums;
        private final long[] scored = window.scored;
        private final float[] best = window.best;
        private final long[] inGroup = window.inGroup;
        private final DocAndFloatFeatureBuffer batch = window.batch;
        private final Current current = new Current();
        /** Every unit scored and the window given back: nothing more to score. */
        private boolean done;

        WindowedScorer(int maxDoc, List<Cursor> single, List<List<Cursor>> groups, long cost) {
            this.maxDoc = maxDoc;
            this.single = single;
            this.groups = groups;
            this.cost = cost;
        }

        @Override
        public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
            if (done) {
                return DocIdSetIterator.NO_MORE_DOCS;
            }
            collector.setScorer(current);
            int end = Math.min(max, maxDoc);
            int next = positionAll(min);
            while (next < end) {
                int windowEnd = Math.min(end, next + WINDOW);
                for (Cursor cursor : single) {
                    add(cursor, next, windowEnd);
                }
                for (List<Cursor> group : groups) {
                    for (Cursor cursor : group) {
                        keepBest(cursor, next, windowEnd);
                    }
                    addBest();
                }
                collect(collector, acceptDocs, next);
                next = firstDoc();
            }
            if (next < maxDoc) {
                return next;
            }
            // Collecting cleared what each window marked; a search that failed half-way never gets here.
            done = true;
            Window.giveBack(window);
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        /** Every cursor on its first document at or after {@code min}; the first of them. */
        private int positionAll(int min) throws IOException {
            for (Cursor cursor : single) {
                position(cursor, min);
            }
            for (List<Cursor> group : groups) {
                for (Cursor cursor : group) {
                    position(cursor, min);
                }
            }
            return firstDoc();
        }

        private static void position(Cursor cursor, int min) throws IOException {
            if (cursor.postings().docID() < min) {
                cursor.postings().advance(min);
            }
        }

        private int firstDoc() {
            int first = DocIdSetIterator.NO_MORE_DOCS;
            for (Cursor cursor : single) {
                first = Math.min(first, cursor.postings().docID());
            }
            for (List<Cursor> group : groups) {
                for (Cursor cursor : group) {
                    first = Math.min(first, cursor.postings().docID());
                }
            }
            return first;
        }

        /** The scores of {@code cursor}'s units before {@code windowEnd}, into the window's {@link Window#scores}. */
        private int nextScores(Cursor cursor, int windowEnd) throws IOException {
            cursor.postings().nextPostings(windowEnd, batch);
            int size = batch.size;
            window.fitBatch(size);
            long[] norms = window.norms;
            if (cursor.norms() == null) {
                Arrays.fill(norms, 0, size, 1L);
            } else {
                cursor.norms().longValues(size, batch.docs, norms, 1L);
            }
            cursor.scorer().score(size, batch.features, norms, window.scores);
            return size;
        }

        private void add(Cursor cursor, int windowStart, int windowEnd) throws IOException {
            while (cursor.postings().docID() < windowEnd) {
                int size = nextScores(cursor, windowEnd);
                int[] docs = batch.docs;
                float[] scores = window.scores;
                for (int i = 0; i < size; i++) {
                    int unit = docs[i] - windowStart;
                    scored[unit >>> 6] |= 1L << unit;
                    sums[unit] += scores[i];
                }
            }
        }

        private void keepBest(Cursor cursor, int windowStart, int windowEnd) throws IOException {
            while (cursor.postings().docID() < windowEnd) {
                int size = nextScores(cursor, windowEnd);
                int[] docs = batch.docs;
                float[] scores = window.scores;
                for (int i = 0; i < size; i++) {
                    int unit = docs[i] - windowStart;
                    long bit = 1L << unit;
                    if ((inGroup[unit >>> 6] & bit) == 0) {
                        inGroup[unit >>> 6] |= bit;
                        best[unit] = scores[i];
                    } else if (scores[i] > best[unit]) {
                        best[unit] = scores[i];
                    }
                }
            }
        }

        /** A group's best score per unit into the sums; the group's marks cleared for the next one. */
        private void addBest() {
            for (int word = 0; word < inGroup.length; word++) {
                long bits = inGroup[word];
                if (bits == 0) {
                    continue;
                }
                scored[word] |= bits;
                inGroup[word] = 0;
                while (bits != 0) {
                    int unit = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    sums[unit] += best[unit];
                }
            }
        }

        /** The window's scored units to the collector, in order, but those under its worst kept; the window cleared. */
        private void collect(LeafCollector collector, Bits acceptDocs, int windowStart) throws IOException {
            for (int word = 0; word < scored.length; word++) {
                long bits = scored[word];
                if (bits == 0) {
                    continue;
                }
                scored[word] = 0;
                while (bits != 0) {
                    int unit = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    float score = (float) sums[unit];
                    sums[unit] = 0;
                    int doc = windowStart + unit;
                    if (score < current.minCompetitive || (acceptDocs != null && !acceptDocs.get(doc))) {
                        continue;
                    }
                    current.score = score;
                    collector.collect(doc);
                }
            }
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    /**
     * A window's arrays, kept for the next search: 48 KB and the batch's, an eighth of the bytes a search allocated. Kept
     * all zero (collecting clears what a window marked), at most {@value #KEPT} of them: more than searches run at once.
     */
    private static final class Window {

        private static final int KEPT = 64;
        private static final BlockingQueue<Window> SPARE = new ArrayBlockingQueue<>(KEPT);

        final double[] sums = new double[WINDOW];
        final long[] scored = new long[WINDOW / Long.SIZE];
        final float[] best = new float[WINDOW];
        final long[] inGroup = new long[WINDOW / Long.SIZE];
        final DocAndFloatFeatureBuffer batch = new DocAndFloatFeatureBuffer();
        /** A batch's norms and scores, as long as the longest batch so far. */
        long[] norms = new long[0];
        float[] scores = new float[0];

        void fitBatch(int size) {
            if (scores.length < size) {
                scores = new float[size];
                norms = new long[size];
            }
        }

        static Window take() {
            Window kept = SPARE.poll();
            return kept != null ? kept : new Window();
        }

        static void giveBack(Window window) {
            SPARE.offer(window);
        }
    }

    /** The unit being collected's score, and the least score the collector still wants. */
    private static final class Current extends Scorable {

        float score;
        float minCompetitive;

        @Override
        public float score() {
            return score;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) {
            minCompetitive = minScore;
        }
    }

    /**
     * The terms, as the BooleanQuery's visit gives them (each consumed under a SHOULD visitor, a group's under one more),
     * with this query as their holder: the searcher visits every query it rewrites, so this does not make the
     * BooleanQuery.
     */
    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor clauses = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
        words.terms().forEach(term -> consume(clauses, term.term()));
        for (List<BoostedTerm> group : words.groups()) {
            QueryVisitor alternatives = clauses.getSubVisitor(BooleanClause.Occur.SHOULD, this);
            group.forEach(term -> consume(alternatives, term.term()));
        }
    }

    private void consume(QueryVisitor visitor, Term term) {
        if (visitor.acceptField(term.field())) {
            visitor.consumeTerms(this, term);
        }
    }

    @Override
    public String toString(String field) {
        return "windowed(" + booleanQuery().toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && booleanQuery().equals(((UnitDisjunctionQuery) other).booleanQuery())
                && maxWindowedPostings == ((UnitDisjunctionQuery) other).maxWindowedPostings;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + booleanQuery().hashCode()) + Long.hashCode(maxWindowedPostings);
    }
}
