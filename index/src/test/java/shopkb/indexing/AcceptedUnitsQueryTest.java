package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restriction handed over as accepted documents finds what the same restriction as a FILTER clause finds. */
class AcceptedUnitsQueryTest {

    private static final List<String> WORDS = List.of("发货", "快递", "顺丰", "退款", "尺码", "包邮", "优惠", "颜色", "质量",
            "几天", "到货", "换货", "运费", "客服", "活动", "库存");

    @TempDir
    Path dir;

    @Test
    void denseAndSparseRestrictionsFindTheSameUnitsWithTheSameScoresAsAFilterClause() throws IOException {
        var random = new Random(17);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int doc = 0; doc < 6_000; doc++) {
                var document = new Document();
                document.add(new StringField(Fields.TYPE, random.nextInt(10) < 8 ? "faq" : "phrasing", Field.Store.NO));
                document.add(new StringField(Fields.SCENARIO, random.nextInt(4) == 0 ? "售后" : "售前", Field.Store.NO));
                document.add(new StringField("id", Integer.toString(doc), Field.Store.NO));
                var text = new StringBuilder();
                for (int word = 0; word < 2 + random.nextInt(8); word++) {
                    text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
                }
                document.add(new TextField("q", text.toString(), Field.Store.NO));
                writer.addDocument(document);
                if (doc % 1_500 == 1_499) {
                    writer.commit(); // several segments
                }
            }
            for (int doc = 0; doc < 6_000; doc += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(doc)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                var searcher = new IndexSearcher(reader);
                Query faq = new TermQuery(new Term(Fields.TYPE, "faq"));
                Query phrasing = new TermQuery(new Term(Fields.TYPE, "phrasing"));
                Query faqAfterSale = new BooleanQuery.Builder().add(faq, Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.SCENARIO, "售后")), Occur.FILTER).build();

                assertInstanceOf(AcceptedUnitsQuery.class, weightQuery(searcher, new AcceptedUnitsQuery(disjunction(random), faq)),
                        "four fifths of the units: handed over as accepted documents");
                assertInstanceOf(BooleanQuery.class, weightQuery(searcher, new AcceptedUnitsQuery(disjunction(random), phrasing)),
                        "a fifth of the units: a FILTER clause");
                for (Query restriction : List.of(faq, phrasing, faqAfterSale)) {
                    for (int query = 0; query < 50; query++) {
                        Query scored = disjunction(random);
                        TopDocs filtered = top(searcher, new BooleanQuery.Builder().add(scored, Occur.MUST)
                                .add(restriction, Occur.FILTER).build());
                        TopDocs accepted = top(searcher, new AcceptedUnitsQuery(scored, restriction));
                        assertTrue(filtered.scoreDocs.length > 0, scored.toString());
                        assertArrayEquals(docs(filtered), docs(accepted), scored + " accepting " + restriction);
                        for (int i = 0; i < filtered.scoreDocs.length; i++) {
                            assertEquals(filtered.scoreDocs[i].score, accepted.scoreDocs[i].score);
                        }
                    }
                }
            }
        }
    }

    private static Query disjunction(Random random) {
        var query = new BooleanQuery.Builder();
        for (int clause = 0; clause < 2 + random.nextInt(7); clause++) {
            query.add(new BoostQuery(new TermQuery(new Term("q", WORDS.get(random.nextInt(WORDS.size())))),
                    0.3f + random.nextInt(30) / 10f), Occur.SHOULD);
        }
        return query.build();
    }

    private static TopDocs top(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(50, 50));
    }

    private static int[] docs(TopDocs top) {
        return java.util.Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).toArray();
    }

    private static Query weightQuery(IndexSearcher searcher, Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f).getQuery();
    }
}
