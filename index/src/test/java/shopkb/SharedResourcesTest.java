package shopkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.semantic.SharedModel;

/** Many shops in one process share the model, the vectors of known texts, the threads and the platform vocabulary. */
class SharedResourcesTest {

    @TempDir
    Path tmp;

    private static ShopFolders shop(Path root, String name) {
        return new ShopFolders(Fixture.copyTo(root.resolve(name)), root.resolve(name).resolve("data"));
    }

    @Test
    void aNewShopWhoseTextsAnotherShopHadEncodesNothingEvenAfterARestart() throws Exception {
        var encoder = SharedModel.counting();
        int texts;
        try (var shared = SharedResources.open(RankingOptions.full(), encoder.asModel(), tmp.resolve("vectors"), null)) {
            try (KnowledgeBase first = KnowledgeBase.open("a", shop(tmp, "a"), shared)) {
                texts = first.health().meaning().vectorsEncoded();
                assertTrue(texts > 10, "the first shop encodes its texts: " + texts);
            }
            int before = encoder.encoded();
            try (KnowledgeBase second = KnowledgeBase.open("b", shop(tmp, "b"), shared)) {
                assertEquals(before, encoder.encoded(), "a shop with the same texts encodes none");
                assertEquals(texts, second.health().meaning().vectorsFromCache());
                assertEquals("faq.shipping.carriers", second.search(SearchRequest.of("你们用哪家物流公司寄", 3)).results().getFirst().id());
            }
        }
        var afterRestart = SharedModel.counting();
        try (var shared = SharedResources.open(RankingOptions.full(), afterRestart.asModel(), tmp.resolve("vectors"), null);
             KnowledgeBase third = KnowledgeBase.open("c", shop(tmp, "c"), shared)) {
            assertEquals(0, afterRestart.encoded(), "the cache of vectors by text is on disk");
            assertEquals(texts, third.health().meaning().vectorsFromCache());
        }
    }

    @Test
    void twentyOpenShopsAddNoThreads() throws Exception {
        try (var shared = SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve("vectors"), null)) {
            var shops = new ArrayList<KnowledgeBase>();
            try {
                shops.add(KnowledgeBase.open("shop0", shop(tmp, "shop0"), shared));
                int threads = Thread.activeCount();
                for (int i = 1; i < 20; i++) {
                    shops.add(KnowledgeBase.open("shop" + i, shop(tmp, "shop" + i), shared));
                }
                assertTrue(Thread.activeCount() <= threads + 2, "threads went from " + threads + " to " + Thread.activeCount());
            } finally {
                for (KnowledgeBase kb : shops) {
                    kb.close();
                }
            }
        }
    }

    @Test
    void everyOpenShopStillTakesInFilesChangedOnDisk() throws Exception {
        try (var shared = SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve("vectors"), null);
             KnowledgeBase a = KnowledgeBase.open("a", shop(tmp, "a"), shared);
             KnowledgeBase b = KnowledgeBase.open("b", shop(tmp, "b"), shared)) {
            for (String name : new String[] {"a", "b"}) {
                Fixture.write(tmp.resolve(name).resolve("content/phrasing/phr.disk.yaml"),
                        "id: phr.disk\nscenario: 物流\ntitle: 磁盘上写的\ntext: 亲,闪电发货\n");
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while ((a.entry("phr.disk").isEmpty() || b.entry("phr.disk").isEmpty()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(a.entry("phr.disk").isPresent() && b.entry("phr.disk").isPresent(), "both shops looked at their files");
        }
    }

    @Test
    void everyShopSeesThePlatformVocabularyAndItsOwn() throws Exception {
        Path platform = tmp.resolve("platform");
        Fixture.write(platform.resolve("vocabulary/synonyms.txt"), "闪送, 顺丰\n");
        try (var shared = SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve("vectors"), platform);
             KnowledgeBase kb = KnowledgeBase.open("a", shop(tmp, "a"), shared)) {
            assertEquals("policy.shipping", kb.search(SearchRequest.of("闪送", 5)).results().getFirst().id(),
                    "the platform's synonym reaches the shop's content");
            assertTrue(kb.vocabulary().synonyms().get("包邮").contains("免邮"), "the shop's own synonyms still count");
        }
    }
}
