package shopkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.content.EntryType;
import shopkb.content.PhrasingEntry;
import shopkb.editing.EntryExistsException;
import shopkb.search.SearchRequest;

/** The served content, the index, the reply rules and the files agree, whatever runs at the same time. */
class ConsistencyTest {

    @TempDir
    Path tmp;

    private static PhrasingEntry phrasing(String id, String title) {
        return new PhrasingEntry(id, "shipping.carriers", "物流", title, "亲,可以的", null, List.of(), null, List.of());
    }

    private static boolean found(KnowledgeBase kb, String id, String title) {
        var results = kb.search(new SearchRequest(title, 3, Set.of(EntryType.PHRASING), null, null)).results();
        return results.stream().anyMatch(r -> r.id().equals(id));
    }

    /**
     * A save that lands while a vocabulary reload waits for the index (as it does behind the background commit,
     * tens of milliseconds every two seconds) must be in the re-built index. The reload used to read the list of
     * entries, wait, then replace the whole index with that list: a save in between vanished from search, and
     * the commit recorded a fingerprint that included it, so a restart kept the stale index.
     */
    @Test
    void aSaveLandingDuringAVocabularyReloadIsNotLostFromTheIndex() throws Exception {
        Path content = Fixture.copyTo(tmp);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            // White-box: the test holds the index's monitor so that the save lands at exactly the wrong moment.
            Object served = privateField(kb, "served");
            Object index = privateField(served, "index");
            boolean editsWaited;
            Thread reload;
            synchronized (index) {
                Fixture.write(content.resolve("vocabulary/words.txt"), "包邮\n顺丰到付\n用的哪个\n");
                reload = Thread.ofPlatform().start(kb::reloadVocabulary);
                awaitBlocked(reload);
                // Either the reload keeps edits out while it works (then the save waits for it below), or the save
                // lands now, between the reload's reading of the entries and its re-indexing.
                editsWaited = someThreadHolds(served);
                if (!editsWaited) {
                    kb.editor().create(phrasing("phr.race", "鑫淼专用话术"), "test");
                }
            }
            if (editsWaited) {
                kb.editor().create(phrasing("phr.race", "鑫淼专用话术"), "test");
            }
            reload.join();
            assertTrue(found(kb, "phr.race", "鑫淼专用话术"), "saved but not searchable");
        }
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            assertTrue(found(kb, "phr.race", "鑫淼专用话术"), "lost after a restart");
        }
    }

    private static Object privateField(Object owner, String name) throws ReflectiveOperationException {
        var field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static boolean someThreadHolds(Object monitor) {
        int id = System.identityHashCode(monitor);
        for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, false)) {
            for (var locked : info.getLockedMonitors()) {
                if (locked.getIdentityHashCode() == id && locked.getClassName().equals(monitor.getClass().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != Thread.State.BLOCKED && thread.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Test
    void replyRulesFollowPhrasingsThatAreCreatedAndDeleted() throws Exception {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("rules/jitu.yaml"), """
                id: jitu
                message: 推荐极兔话术
                patterns:
                - 极兔
                phrasings: [phr.jitu]
                """);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            assertTrue(kb.health().problems().stream().anyMatch(p -> p.problem().contains("phr.jitu")), "unknown at first");

            var created = kb.editor().create(phrasing("phr.jitu", "极兔快递"), "test");
            assertFalse(kb.health().problems().stream().anyMatch(p -> p.problem().contains("phr.jitu")), kb.health().problems().toString());
            assertTrue(kb.check("发极兔", null, null).stream().anyMatch(f -> f.phrasingIds() != null && f.phrasingIds().contains("phr.jitu")));

            kb.editor().delete("phr.jitu", created.etag(), "test");
            assertTrue(kb.health().problems().stream().anyMatch(p -> p.problem().contains("phr.jitu")), "unknown again after the delete");
        }
    }

    @Test
    void creatingAnEntryOverAnInvalidFileIsRefusedNamingTheFilesProblem() throws Exception {
        Path content = Fixture.copyTo(tmp);
        Path file = content.resolve("phrasing/phr.broken.yaml");
        Fixture.write(file, "id: phr.broken\nscenario: 物流\ntitle: 坏了\ntext: 亲\nintent: no.such-intent\n");
        String before = Files.readString(file);
        try (KnowledgeBase kb = KnowledgeBase.open(content, tmp.resolve("data"))) {
            var refused = assertThrows(EntryExistsException.class, () -> kb.editor().create(phrasing("phr.broken", "修好了"), "test"));
            assertTrue(refused.getMessage().contains("phrasing/phr.broken.yaml"), refused.getMessage());
            assertTrue(refused.getMessage().contains("no.such-intent"), refused.getMessage());
            assertEquals(before, Files.readString(file), "the file is left for its author to fix");
        }
    }
}
