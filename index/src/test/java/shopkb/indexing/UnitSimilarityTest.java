package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitSimilarityTest {

    private static final String[] WORDS = {"发货", "快递", "顺丰", "退款", "尺码", "包邮", "优惠", "质量", "颜色", "几天"};

    @TempDir
    Path dir;

    @Test
    void scoresEveryDocumentAsLucenesBm25DoesFloatForFloat() throws IOException {
        var random = new Random(17);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 3_000; i++) {
                var doc = new Document();
                doc.add(new TextField("question", words(random, 1 + random.nextInt(12)), Field.Store.NO));
                if (random.nextInt(3) > 0) {
                    doc.add(new TextField("title", words(random, 1 + random.nextInt(4)), Field.Store.NO));
                }
                writer.addDocument(doc);
                if (i % 1_000 == 999) {
                    writer.commit(); // several segments
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                var lucene = new IndexSearcher(reader);
                lucene.setSimilarity(new BM25Similarity());
                var ours = new IndexSearcher(reader);
                ours.setSimilarity(UnitSimilarity.INSTANCE);
                for (int q = 0; q < 200; q++) {
                    Query query = query(random);
                    TopDocs expected = lucene.search(query, 3_000);
                    TopDocs actual = ours.search(query, 3_000);
                    assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, query.toString());
                    for (int i = 0; i < expected.scoreDocs.length; i++) {
                        ScoreDoc e = expected.scoreDocs[i];
                        ScoreDoc a = actual.scoreDocs[i];
                        assertEquals(e.doc, a.doc, query + " at " + i);
                        assertEquals(Float.floatToIntBits(e.score), Float.floatToIntBits(a.score), query + " at " + i);
                    }
                    if (expected.scoreDocs.length > 0) {
                        ScoreDoc top = actual.scoreDocs[0];
                        assertEquals(top.score, ours.explain(query, top.doc).getValue().floatValue(), 1e-6f,
                                "the explanation adds up to the score");
                    }
                }
            }
        }
    }

    @Test
    void aFieldsNormTableIsMadeOnceAndShared() throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            var doc = new Document();
            doc.add(new TextField("question", "发货 快递 几天", Field.Store.NO));
            writer.addDocument(doc);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                var searcher = new IndexSearcher(reader);
                var stats = searcher.collectionStatistics("question");
                var terms = searcher.termStatistics(new Term("question", "发货"), 1, 3);
                var first = UnitSimilarity.INSTANCE.scorer(1f, stats, terms);
                var second = UnitSimilarity.INSTANCE.scorer(2f, stats, terms);
                assertEquals(2 * first.score(1f, 3L), second.score(1f, 3L), 1e-6f);
                assertTrue(first.score(2f, 3L) > first.score(1f, 3L));
            }
        }
    }

    private static String words(Random random, int count) {
        var words = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(" ", words);
    }

    /** Shaped as the server's: boosted term clauses over two fields, some in a best-of group. */
    private static Query query(Random random) {
        var query = new BooleanQuery.Builder();
        int clauses = 1 + random.nextInt(6);
        for (int i = 0; i < clauses; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            float boost = 0.5f + random.nextInt(8) * 0.25f;
            Query clause = new BoostQuery(new TermQuery(new Term(random.nextBoolean() ? "question" : "title", word)), boost);
            if (random.nextInt(3) == 0) {
                clause = new DisjunctionMaxQuery(List.of(clause,
                        new BoostQuery(new TermQuery(new Term("title", WORDS[random.nextInt(WORDS.length)])), boost / 2)), 0f);
            }
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }
}
