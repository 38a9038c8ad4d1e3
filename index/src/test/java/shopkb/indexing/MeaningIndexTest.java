package shopkb.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.content.FaqEntry;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.SharedModel;

/** The meaning vectors live beside the index and are their own cache: text already seen is never encoded again. */
class MeaningIndexTest {

    @TempDir
    Path tmp;

    private KnowledgeBase open(Path content, SharedModel.CountingEncoder encoder) {
        return KnowledgeBase.open(content, tmp.resolve("data"), RankingOptions.full(), encoder.asModel());
    }

    @Test
    void aSecondStartEncodesNoText() throws Exception {
        Path content = Fixture.copyTo(tmp);
        var first = SharedModel.counting();
        int texts;
        try (KnowledgeBase kb = open(content, first)) {
            texts = kb.health().meaning().vectorsEncoded();
            assertTrue(texts > 10, "the fixture's questions and titles were encoded: " + texts);
            assertEquals(texts, first.encoded());
        }
        var second = SharedModel.counting();
        try (KnowledgeBase kb = open(content, second)) {
            assertEquals(0, second.encoded(), "nothing encoded on the second start");
            assertEquals(0, kb.health().meaning().vectorsEncoded());
            assertEquals(texts, kb.health().meaning().vectorsReused());
            assertEquals("faq.shipping.carriers", kb.search(SearchRequest.of("你们用哪家物流公司寄", 3)).results().getFirst().id());
        }
    }

    @Test
    void anEditEncodesOnlyItsNewTextAndIsFoundByMeaningAtOnce() throws Exception {
        Path content = Fixture.copyTo(tmp);
        var encoder = SharedModel.counting();
        try (KnowledgeBase kb = open(content, encoder)) {
            int before = encoder.encoded();
            var versioned = kb.editor().read("faq.stock.availability").orElseThrow();
            var faq = (FaqEntry) versioned.entry();
            var similar = new ArrayList<>(faq.similar());
            similar.add("仓库里还剩几件");
            kb.editor().update(faq.id(), new FaqEntry(faq.id(), faq.intent(), faq.scenario(), faq.question(), similar,
                    faq.answer(), faq.note(), faq.tags(), faq.products(), faq.negatives()), versioned.etag(), "test");

            assertEquals(before + 1, encoder.encoded(), "only the new similar question is encoded");
            var top = kb.search(SearchRequest.of("仓库里还剩几件", 3)).results().getFirst();
            assertEquals("faq.stock.availability", top.id());
            assertTrue(top.matchedBy().contains("meaning"));
        }
    }

    @Test
    void aVocabularyChangeReindexesWordsButEncodesNothing() throws Exception {
        Path content = Fixture.copyTo(tmp);
        var encoder = SharedModel.counting();
        try (KnowledgeBase kb = open(content, encoder)) {
            int before = encoder.encoded();
            Fixture.write(content.resolve("vocabulary/words.txt"), "包邮\n顺丰到付\n用的哪个\n");
            assertTrue(kb.reloadVocabulary());
            assertEquals(before, encoder.encoded());
        }
    }

    @Test
    void textsNoEntryUsesAnyMoreAreDropped() throws Exception {
        Path content = Fixture.copyTo(tmp);
        var encoder = SharedModel.counting();
        try (KnowledgeBase kb = open(content, encoder)) {
            int vectors = kb.health().meaning().vectors();
            var versioned = kb.editor().read("faq.shipping.free-shipping").orElseThrow();
            var faq = (FaqEntry) versioned.entry();
            kb.editor().update(faq.id(), new FaqEntry(faq.id(), faq.intent(), faq.scenario(), faq.question(),
                    faq.similar().subList(1, faq.similar().size()), faq.answer(), faq.note(), faq.tags(), faq.products(),
                    faq.negatives()), versioned.etag(), "test");
            assertEquals(vectors - 1, kb.health().meaning().vectors(), "the removed question's vector is gone");
        }
    }

    @Test
    void badPhrasingsAreKeptForTheReplyCheckButNeverSearched() {
        var encoder = SharedModel.counting();
        var loaded = new shopkb.content.ContentLoader(Fixture.source()).load();
        try (MeaningIndex index = MeaningIndex.inMemory(encoder, loaded.entries().values())) {
            List<String> bad = index.badPhrasings().keySet().stream().toList();
            assertTrue(!bad.isEmpty(), "the fixture's phrasings name bad phrasings");
            float[] vector = index.vectorOf(bad.getFirst()).orElseThrow();
            assertTrue(index.nearest(vector, 5).stream().flatMap(n -> n.units().stream())
                    .anyMatch(u -> u.role() == MeaningUnits.Role.BAD_PHRASING));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
