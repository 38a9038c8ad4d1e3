package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.Housekeeping;
import shopkb.KnowledgeBase;
import shopkb.content.ContentLoader;
import shopkb.content.LoadedContent;
import shopkb.content.PhrasingEntry;
import shopkb.analysis.AnalysisOptions;
import shopkb.analysis.Vocabulary;
import shopkb.search.BuyerQueryParser;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.search.SearchService;

class KnowledgeIndexTest {

    @TempDir
    Path tmp;

    @Test
    void aPersistedIndexIsReusedWhenContentIsUnchanged() throws IOException {
        Path content = Fixture.copyTo(tmp);
        Path data = tmp.resolve("data");
        try (KnowledgeBase first = KnowledgeBase.open(content, data)) {
            assertFalse(first.health().indexReused());
        }
        try (KnowledgeBase second = KnowledgeBase.open(content, data)) {
            assertTrue(second.health().indexReused());
            assertEquals("faq.shipping.carriers", second.search(SearchRequest.of("发什么快递", 5)).results().getFirst().id());
        }
    }

    @Test
    void theIndexIsRebuiltWhenContentChanged() throws IOException {
        Path content = Fixture.copyTo(tmp);
        Path data = tmp.resolve("data");
        KnowledgeBase.open(content, data).close();
        Fixture.write(content.resolve("phrasing/phr.new.yaml"), """
                id: phr.new
                scenario: 物流
                title: 新话术
                text: 亲,我们支持极兔快递哦
                """);

        try (KnowledgeBase kb = KnowledgeBase.open(content, data)) {
            assertFalse(kb.health().indexReused());
            assertEquals("phr.new", kb.search(SearchRequest.of("极兔", 5)).results().getFirst().id());
        }
    }

    @Test
    void aCorruptedIndexIsRebuiltFromContent() throws IOException {
        Path content = Fixture.copyTo(tmp);
        Path data = tmp.resolve("data");
        KnowledgeBase.open(content, data).close();
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        try (KnowledgeBase kb = KnowledgeBase.open(content, data)) {
            assertFalse(kb.health().indexReused());
            assertEquals(9, kb.health().entries());
            assertFalse(kb.search(SearchRequest.of("包邮", 5)).results().isEmpty());
        }
    }

    @Test
    void upsertsAndDeletesAreSearchableAtOnce() throws IOException {
        LoadedContent loaded = new ContentLoader(Fixture.source()).load();
        try (var housekeeping = new Housekeeping(); ServedContent served = inMemory(loaded, housekeeping)) {
            var search = new SearchService(served, new BuyerQueryParser(), RankingOptions.full(), null);
            served.applyOne(null, JITU, new ServedContent.FileChange(JITU_FILE, null, JITU_BYTES));
            assertEquals("phr.jitu", search.search(SearchRequest.of("极兔", 5)).results().getFirst().id());

            served.applyOne(JITU, null, new ServedContent.FileChange(JITU_FILE, JITU_BYTES, null));
            assertTrue(search.search(SearchRequest.of("极兔", 5)).results().isEmpty());
            assertEquals(loaded.fingerprint().hex(), served.current().content().fingerprint().hex(),
                    "adding and removing the same file leaves the fingerprint as it was");
        }
    }

    @Test
    void clausesGivenTheTermStatesKeptForCountedTermsScoreAsClausesThatLookTheirTermsUp() throws IOException {
        LoadedContent loaded = new ContentLoader(Fixture.source()).load();
        var query = new UnitQuery(List.of(new UnitQuery.Term(Fields.QUESTION_WORDS, "快递", 3f),
                new UnitQuery.Term(Fields.QUESTION_WORDS, "几天", 3f), new UnitQuery.Term(Fields.QUESTION_GRAMS, "发什", 2f),
                new UnitQuery.BestOf(List.of(new UnitQuery.Term(Fields.TITLE_WORDS, "快递", 1.5f),
                        new UnitQuery.Term(Fields.TITLE_WORDS, "物流", 1.5f)))), List.of(), null);
        var counted = List.of(new UnitIndex.FieldTerm(Fields.QUESTION_WORDS, "快递"),
                new UnitIndex.FieldTerm(Fields.QUESTION_WORDS, "几天"), new UnitIndex.FieldTerm(Fields.QUESTION_GRAMS, "发什"),
                new UnitIndex.FieldTerm(Fields.TITLE_WORDS, "快递"), new UnitIndex.FieldTerm(Fields.TITLE_WORDS, "物流"));
        try (var housekeeping = new Housekeeping(); ServedContent kept = inMemory(loaded, housekeeping);
             ServedContent fresh = inMemory(loaded, housekeeping)) {
            List<UnitIndex.ScoredUnit> withStates = kept.index().search(query, 20, counted).units();
            assertFalse(withStates.isEmpty());
            assertEquals(fresh.index().search(query, 20, List.of()).units(), withStates);
        }
    }

    @Test
    void aTermCountedAsHeldByNoUnitIsCountedAgainOnceAnEditAddsIt() throws IOException {
        LoadedContent loaded = new ContentLoader(Fixture.source()).load();
        try (var housekeeping = new Housekeeping(); ServedContent served = inMemory(loaded, housekeeping)) {
            var search = new SearchService(served, new BuyerQueryParser(), RankingOptions.full(), null);
            assertTrue(search.search(SearchRequest.of("极兔", 5)).results().isEmpty(), "no unit holds 极兔 yet");
            served.applyOne(null, JITU, new ServedContent.FileChange(JITU_FILE, null, JITU_BYTES));
            assertEquals("phr.jitu", search.search(SearchRequest.of("极兔", 5)).results().getFirst().id());
        }
    }

    /** A phrasing about a carrier the fixture never mentions. */
    private static final PhrasingEntry JITU = new PhrasingEntry("phr.jitu", null, "物流", "极兔", "亲,可以发极兔快递", null,
            null, null, null);
    private static final String JITU_FILE = "phrasing/phr.jitu.yaml";
    private static final byte[] JITU_BYTES = "id: phr.jitu".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The fixture served from an in-memory index. */
    private static ServedContent inMemory(LoadedContent loaded, Housekeeping housekeeping) {
        return ServedContent.open(loaded, Vocabulary.empty(), AnalysisOptions.full(),
                (analyzer, vocabulary, fingerprint, entries) -> KnowledgeIndex.inMemory(analyzer, fingerprint, entries, null,
                        housekeeping.scheduler()));
    }
}
