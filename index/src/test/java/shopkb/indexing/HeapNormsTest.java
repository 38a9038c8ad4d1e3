package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapNormsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSameNormsAndScoresAsTheIndexFiles() throws IOException {
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = writer(directory)) {
            add(writer, "red coat", "");
            add(writer, "red red coat for winter and autumn", "note");
            add(writer, "blue coat", "");
            writer.commit();
            try (DirectoryReader plain = DirectoryReader.open(directory);
                 DirectoryReader heap = HeapNorms.wrap(DirectoryReader.open(directory))) {
                for (String field : new String[] {"text", "note"}) {
                    for (int leaf = 0; leaf < plain.leaves().size(); leaf++) {
                        assertSameValues(plain.leaves().get(leaf), heap.leaves().get(leaf), field);
                    }
                }
                ScoreDoc[] fromFiles = new IndexSearcher(plain).search(new TermQuery(new Term("text", "red")), 10).scoreDocs;
                ScoreDoc[] fromHeap = new IndexSearcher(heap).search(new TermQuery(new Term("text", "red")), 10).scoreDocs;
                assertEquals(2, fromHeap.length);
                for (int i = 0; i < fromFiles.length; i++) {
                    assertEquals(fromFiles[i].doc, fromHeap[i].doc);
                    assertEquals(fromFiles[i].score, fromHeap[i].score);
                }
            }
        }
    }

    @Test
    void aReopenedReaderKeepsItsNormsOnTheHeapForOldAndNewSegments() throws IOException {
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = writer(directory)) {
            add(writer, "red coat", "");
            DirectoryReader first = HeapNorms.wrap(DirectoryReader.open(writer));
            add(writer, "green coat with a hood", "");
            DirectoryReader second = DirectoryReader.openIfChanged(first);
            try (first; second) {
                assertTrue(second instanceof HeapNorms);
                assertEquals(2, second.leaves().size());
                NumericDocValues old = second.leaves().get(0).reader().getNormValues("text");
                NumericDocValues added = second.leaves().get(1).reader().getNormValues("text");
                assertTrue(old.advanceExact(0) && added.advanceExact(0));
                assertTrue(added.longValue() > old.longValue(), "the longer text's norm encodes its greater length");
                assertSame(HeapNorms.wrap(second), second);
                assertNotSame(first, second);
            }
        }
    }

    private static IndexWriter writer(Directory directory) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
    }

    private static void add(IndexWriter writer, String text, String note) throws IOException {
        var doc = new Document();
        doc.add(new TextField("text", text, Field.Store.NO));
        if (!note.isEmpty()) {
            doc.add(new TextField("note", note, Field.Store.NO));
        }
        writer.addDocument(doc);
    }

    /** Every document's norm as the index files hold it; a field only some documents have is read from the files. */
    private static void assertSameValues(LeafReaderContext files, LeafReaderContext heap, String field) throws IOException {
        NumericDocValues expected = files.reader().getNormValues(field);
        NumericDocValues actual = heap.reader().getNormValues(field);
        for (int doc = 0; doc < files.reader().maxDoc(); doc++) {
            boolean has = expected.advanceExact(doc);
            assertEquals(has, actual.advanceExact(doc), field + " doc " + doc);
            if (has) {
                assertEquals(expected.longValue(), actual.longValue(), field + " doc " + doc);
            }
        }
        if (field.equals("text")) {
            assertNotSame(expected.getClass(), actual.getClass(), "a field every document has is read from the heap");
        } else {
            assertSame(expected.getClass(), actual.getClass(), "a field only some documents have is read from the files");
        }
    }
}
