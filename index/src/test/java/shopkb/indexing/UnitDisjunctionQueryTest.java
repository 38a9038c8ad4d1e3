package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.indexing.WordsDisjunction.BoostedTerm;

/** Scored a window at a time, the words query finds the units the BooleanQuery it stands for finds, with its scores. */
class UnitDisjunctionQueryTest {

    private static final List<String> WORDS = List.of("发货", "快递", "顺丰", "退款", "尺码", "包邮", "优惠", "颜色", "质量",
            "几天", "到货", "换货", "运费", "客服", "活动", "库存", "吗", "呢");

    @TempDir
    Path dir;

    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final Random random = new Random(23);

    /** 20,000 short units over four segments (so windows of 4,096 cross segment ends), every ninth deleted. */
    @BeforeEach
    void index() throws IOException {
        directory = FSDirectory.open(dir);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int doc = 0; doc < 20_000; doc++) {
                var document = new Document();
                document.add(new StringField(Fields.TYPE, random.nextInt(10) < 8 ? "faq" : "phrasing", Field.Store.NO));
                document.add(new StringField("id", Integer.toString(doc), Field.Store.NO));
                document.add(new TextField("q", words(1 + random.nextInt(6)), Field.Store.NO));
                document.add(new TextField("t", doc % 3 == 0 ? words(1 + random.nextInt(3)) : "", Field.Store.NO));
                writer.addDocument(document);
                if (doc % 5_000 == 4_999) {
                    writer.commit();
                }
            }
            for (int doc = 0; doc < 20_000; doc += 9) {
                writer.deleteDocuments(new Term("id", Integer.toString(doc)));
            }
            writer.commit();
        }
        reader = HeapNorms.wrap(DirectoryReader.open(directory));
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(UnitSimilarity.INSTANCE);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void findsTheBooleanQuerysTopUnitsWithTheSameScoresAndTieOrder() throws IOException {
        assertTrue(reader.leaves().size() > 1, "several segments");
        for (int query = 0; query < 300; query++) {
            WordsDisjunction disjunction = disjunction();
            for (int n : new int[] {1, 10, 50, 5_000}) {
                assertSameTop(searcher.search(disjunction.booleanQuery(), new TopScoreDocCollectorManager(n, n)),
                        searcher.search(UnitDisjunctionQuery.of(disjunction), new TopScoreDocCollectorManager(n, n)),
                        disjunction + " top " + n);
            }
        }
    }

    @Test
    void aSearchEndedHalfWayLeavesNothingBehindForTheNext() throws IOException {
        for (int query = 0; query < 50; query++) {
            WordsDisjunction disjunction = disjunction();
            searcher.search(UnitDisjunctionQuery.of(disjunction), new EndingEarly());
            assertSameTop(searcher.search(disjunction.booleanQuery(), new TopScoreDocCollectorManager(50, 50)),
                    searcher.search(UnitDisjunctionQuery.of(disjunction), new TopScoreDocCollectorManager(50, 50)),
                    disjunction + " after a search that ended half-way");
        }
    }

    /** Ends each segment's collection at its third unit, as a collector that has seen enough does. */
    private static final class EndingEarly implements CollectorManager<Collector, Void> {

        @Override
        public Collector newCollector() {
            return new SimpleCollector() {
                private int collected;

                @Override
                public void collect(int doc) {
                    if (++collected == 3) {
                        throw new CollectionTerminatedException();
                    }
                }

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    collected = 0;
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.TOP_SCORES;
                }
            };
        }

        @Override
        public Void reduce(Collection<Collector> collectors) {
            return null;
        }
    }

    @Test
    void aSegmentWithMorePostingsThanTheLimitIsLeftToLucenesLoopWithTheSameResults() throws IOException {
        for (int query = 0; query < 50; query++) {
            WordsDisjunction disjunction = disjunction();
            assertSameTop(searcher.search(UnitDisjunctionQuery.of(disjunction), new TopScoreDocCollectorManager(50, 50)),
                    searcher.search(UnitDisjunctionQuery.of(disjunction, 0), new TopScoreDocCollectorManager(50, 50)),
                    disjunction + " left to Lucene");
        }
        var disjunction = new WordsDisjunction(List.of(boosted(new Term("q", "发货")), boosted(new Term("q", "快递"))), List.of());
        LeafReaderContext leaf = reader.leaves().get(0);
        assertTrue(bulkScorerOf(UnitDisjunctionQuery.of(disjunction), leaf).startsWith(UnitDisjunctionQuery.class.getName()),
                "a few thousand postings: summed a window at a time");
        assertFalse(bulkScorerOf(UnitDisjunctionQuery.of(disjunction, 100), leaf).startsWith(UnitDisjunctionQuery.class.getName()),
                "over the limit: Lucene's own");
    }

    @Test
    void isUsedWhereOneSegmentHoldsNearlyAllUnitsOnly() throws IOException {
        assertFalse(UnitDisjunctionQuery.suits(reader), "four segments of 5,000 units each");
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            writer.forceMerge(1);
            var document = new Document();
            document.add(new TextField("q", "发货", Field.Store.NO));
            writer.addDocument(document);
            writer.commit();
        }
        try (DirectoryReader merged = DirectoryReader.open(directory)) {
            assertEquals(2, merged.leaves().size());
            assertTrue(UnitDisjunctionQuery.suits(merged), "one segment of all units but a unit saved since");
        }
    }

    private String bulkScorerOf(Query query, LeafReaderContext leaf) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f).bulkScorer(leaf).getClass().getName();
    }

    @Test
    void restrictedToSomeUnitsItFindsWhatTheBooleanQueryRestrictedTheSameWayFinds() throws IOException {
        Query faq = new TermQuery(new Term(Fields.TYPE, "faq"));
        Query phrasing = new TermQuery(new Term(Fields.TYPE, "phrasing"));
        for (Query restriction : List.of(faq, phrasing)) {
            for (int query = 0; query < 50; query++) {
                WordsDisjunction disjunction = disjunction();
                assertSameTop(searcher.search(new AcceptedUnitsQuery(disjunction.booleanQuery(), restriction),
                                new TopScoreDocCollectorManager(50, 50)),
                        searcher.search(new AcceptedUnitsQuery(UnitDisjunctionQuery.of(disjunction), restriction),
                                new TopScoreDocCollectorManager(50, 50)),
                        disjunction + " accepting " + restriction);
            }
        }
    }

    @Test
    void explainsAUnitsScoreAsTheBooleanQueryDoes() throws IOException {
        WordsDisjunction disjunction = disjunction();
        TopDocs top = searcher.search(UnitDisjunctionQuery.of(disjunction), 5);
        for (var hit : top.scoreDocs) {
            assertEquals(searcher.explain(disjunction.booleanQuery(), hit.doc),
                    searcher.explain(UnitDisjunctionQuery.of(disjunction), hit.doc));
            assertEquals(hit.score, searcher.explain(UnitDisjunctionQuery.of(disjunction), hit.doc).getValue().floatValue());
        }
    }

    @Test
    void aTermInTwoClausesLeavesTheQueryToLucene() throws IOException {
        Term term = new Term("q", "发货");
        for (float secondBoost : new float[] {1f, 2.5f}) {
            var repeated = new WordsDisjunction(List.of(new BoostedTerm(term, 1f, null),
                    new BoostedTerm(term, secondBoost, null)), List.of());
            assertInstanceOf(BooleanQuery.class, UnitDisjunctionQuery.of(repeated),
                    "Lucene merges the two into one clause of their summed boost, whose float score may differ from their sum");
        }
        var inAGroupToo = new WordsDisjunction(List.of(boosted(term)), List.of(List.of(boosted(term), boosted(new Term("q", "快递")))));
        assertInstanceOf(BooleanQuery.class, UnitDisjunctionQuery.of(inAGroupToo));
        assertInstanceOf(UnitDisjunctionQuery.class, UnitDisjunctionQuery.of(disjunction()));
    }

    @Test
    void givesVisitorsTheTermsTheBooleanQueryGives() throws IOException {
        for (int query = 0; query < 20; query++) {
            WordsDisjunction disjunction = disjunction();
            var expected = new HashSet<Term>();
            disjunction.booleanQuery().visit(QueryVisitor.termCollector(expected));
            var actual = new HashSet<Term>();
            UnitDisjunctionQuery.of(disjunction).visit(QueryVisitor.termCollector(actual));
            assertEquals(expected, actual);
        }
    }

    /** Boosted terms of two fields, and groups of them counting their best, as the query building makes them. */
    private WordsDisjunction disjunction() {
        var terms = new ArrayList<BoostedTerm>();
        var groups = new ArrayList<List<BoostedTerm>>();
        var used = new ArrayList<Term>();
        for (int clause = 0; clause < 1 + random.nextInt(10); clause++) {
            if (random.nextInt(4) == 0) {
                var alternatives = new ArrayList<BoostedTerm>();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    alternatives.add(boosted(unused(used)));
                }
                groups.add(alternatives);
            } else {
                terms.add(boosted(unused(used)));
            }
        }
        return new WordsDisjunction(terms, groups);
    }

    private Term unused(List<Term> used) {
        Term term;
        do {
            term = new Term(random.nextBoolean() ? "q" : "t", WORDS.get(random.nextInt(WORDS.size())));
        } while (used.contains(term));
        used.add(term);
        return term;
    }

    private BoostedTerm boosted(Term term) {
        return new BoostedTerm(term, 0.1f + random.nextInt(30) / 10f, null);
    }

    private String words(int count) {
        var text = new StringBuilder();
        for (int word = 0; word < count; word++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        return text.toString();
    }

    private static void assertSameTop(TopDocs expected, TopDocs actual, String what) {
        assertArrayEquals(Arrays.stream(expected.scoreDocs).mapToInt(hit -> hit.doc).toArray(),
                Arrays.stream(actual.scoreDocs).mapToInt(hit -> hit.doc).toArray(), what);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, what);
        }
    }
}
