package shopkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.search.SearchRequest;

/** Editors change the vocabulary files while the server runs; search follows without a restart. */
class VocabularyReloadTest {

    @TempDir
    Path tmp;

    private static String topId(KnowledgeBase kb, String message) {
        var results = kb.search(SearchRequest.of(message, 5)).results();
        return results.isEmpty() ? "(none)" : results.getFirst().id();
    }

    @Test
    void aSynonymAddedToTheVocabularyFileChangesRankingWithoutRestart() throws Exception {
        Path content = Fixture.copyTo(tmp);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            String message = "闪送";
            assertNotEquals("policy.shipping", topId(kb, message));

            Fixture.write(content.resolve("vocabulary/synonyms.txt"),
                    java.nio.file.Files.readString(content.resolve("vocabulary/synonyms.txt")) + "闪送, 顺丰\n");

            long deadline = System.currentTimeMillis() + 5000;
            while (!topId(kb, message).equals("policy.shipping") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("policy.shipping", topId(kb, message));
        }
    }

    @Test
    void aDomainWordAddedToTheVocabularyIsUsedOnBothSidesAfterReload() throws Exception {
        Path content = Fixture.copyTo(tmp);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            Fixture.write(content.resolve("vocabulary/words.txt"), "包邮\n顺丰到付\n用的哪个\n");

            assertTrue(kb.reloadVocabulary());
            assertEquals("faq.shipping.carriers", topId(kb, "用的哪个快递"));
        }
    }

    @Test
    void aBadVocabularyLineIsReportedInHealthAndNotFatal() throws Exception {
        Path content = Fixture.copyTo(tmp);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            Fixture.write(content.resolve("vocabulary/spellings.txt"), "木有 没有\n");

            assertTrue(kb.reloadVocabulary());
            assertTrue(kb.health().problems().stream().anyMatch(p -> p.file().equals("vocabulary/spellings.txt")));
            assertEquals("faq.shipping.free-shipping", topId(kb, "包邮吗"));
        }
    }
}
