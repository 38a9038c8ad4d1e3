package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (var housekeeping = new Housekeeping();
             ServedContent served = ServedContent.open(loaded, Vocabulary.empty(), AnalysisOptions.full(),
                (analyzer, vocabulary, fingerprint, entries) -> KnowledgeIndex.inMemory(analyzer, fingerprint, entries, null,
                        housekeeping.scheduler()))) {
            var search = new SearchService(served, new BuyerQueryParser(), RankingOptions.full(), null);
            var entry = new PhrasingEntry("phr.jitu", null, "物流", "极兔", "亲,可以发极兔快递", null, null, null, null);
            byte[] file = "id: phr.jitu".getBytes(java.nio.charset.StandardCharsets.UTF_8);

            served.applyOne(null, entry, new ServedContent.FileChange("phrasing/phr.jitu.yaml", null, file));
            assertEquals("phr.jitu", search.search(SearchRequest.of("极兔", 5)).results().getFirst().id());

            served.applyOne(entry, null, new ServedContent.FileChange("phrasing/phr.jitu.yaml", file, null));
            assertTrue(search.search(SearchRequest.of("极兔", 5)).results().isEmpty());
            assertEquals(loaded.fingerprint().hex(), served.current().content().fingerprint().hex(),
                    "adding and removing the same file leaves the fingerprint as it was");
        }
    }

    @Test
    void termsLookedUpForOneSearchServeTheNextAndAreLookedUpAgainAfterAnEdit() throws IOException {
        LoadedContent loaded = new ContentLoader(Fixture.source()).load();
        try (var housekeeping = new Housekeeping();
             ServedContent served = ServedContent.open(loaded, Vocabulary.empty(), AnalysisOptions.full(),
                (analyzer, vocabulary, fingerprint, entries) -> KnowledgeIndex.inMemory(analyzer, fingerprint, entries, null,
                        housekeeping.scheduler()))) {
            var search = new SearchService(served, new BuyerQueryParser(), RankingOptions.full(), null);
            var first = search.search(SearchRequest.of("发什么快递,几天能到", 5)).results();
            var again = search.search(SearchRequest.of("发什么快递,几天能到", 5)).results();
            assertFalse(first.isEmpty());
            assertEquals(first.stream().map(r -> r.id() + " " + r.score()).toList(),
                    again.stream().map(r -> r.id() + " " + r.score()).toList(), "the kept term states score as a fresh look-up");

            assertTrue(search.search(SearchRequest.of("极兔", 5)).results().isEmpty(), "no unit holds 极兔 yet");
            var entry = new PhrasingEntry("phr.jitu", null, "物流", "极兔", "亲,可以发极兔快递", null, null, null, null);
            served.applyOne(null, entry, new ServedContent.FileChange("phrasing/phr.jitu.yaml", null,
                    "id: phr.jitu".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("phr.jitu", search.search(SearchRequest.of("极兔", 5)).results().getFirst().id(),
                    "a term counted as held by no unit is counted again in the edited index");
        }
    }
}
