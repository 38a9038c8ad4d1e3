package shopkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.editing.EntryCodec;
import shopkb.editing.EntryExistsException;
import shopkb.editing.VersionConflictException;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;

/**
 * Two servers' knowledge bases over one shared home (in memory, with the cluster home's promises): an edit decided on
 * what a server read is refused when another server's write reached that server's mirror in the moment between its
 * read and its write, rather than written over it.
 */
class EditsOnASharedHomeTest {

    static final String ID = "faq.shipping.carriers";

    @TempDir
    Path tmp;
    SharedHomeInMemory home;
    SharedHomeInMemory.Mirror mirrorA;
    SharedHomeInMemory.Mirror mirrorB;
    SharedResources sharedA;
    SharedResources sharedB;
    KnowledgeBase a;
    KnowledgeBase b;

    @BeforeEach
    void open() throws IOException {
        home = new SharedHomeInMemory();
        mirrorA = home.mirror(tmp.resolve("a"));
        mirrorB = home.mirror(tmp.resolve("b"));
        Path fixture = Fixture.source();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                mirrorA.write(tmp.resolve("a/content").resolve(fixture.relativize(file).toString()), null, Files.readAllBytes(file));
            }
        }
        mirrorB.pull();
        sharedA = shared("a", mirrorA);
        sharedB = shared("b", mirrorB);
        a = KnowledgeBase.open("default", new ShopFolders(tmp.resolve("a-own"), tmp.resolve("a-own-data")), sharedA);
        b = KnowledgeBase.open("default", new ShopFolders(tmp.resolve("b-own"), tmp.resolve("b-own-data")), sharedB);
    }

    private SharedResources shared(String server, SharedHomeInMemory.Mirror mirror) {
        Path root = tmp.resolve(server);
        ContentHome home = (shop, own) -> new ContentHome.Opened(new ShopFolders(root.resolve("content"), root), mirror);
        return SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve(server + "-vectors"), null,
                UnitEngine.EMBEDDED, home);
    }

    @AfterEach
    void close() throws IOException {
        for (var closeable : List.of(a, b, sharedA, sharedB)) {
            closeable.close();
        }
    }

    @Test
    void aSaveOverAVersionAnotherServerReplacedJustBeforeIsAConflictNotALostUpdate() {
        FaqEntry read = (FaqEntry) a.entry(ID).orElseThrow();
        String etag = EntryCodec.etag(read);
        mirrorB.beforeNextWrite(() -> {
            a.editor().update(ID, withAnswer(read, "亲,A服务器改的答案"), etag, "alice");
            mirrorB.pull(); // B's mirror takes A's write in between B's read and B's write
        });

        var conflict = assertThrows(VersionConflictException.class,
                () -> b.editor().update(ID, withAnswer(read, "亲,B服务器改的答案"), etag, "bob"));

        assertEquals("alice", conflict.changedBy());
        String atHome = new String(mirrorA.fresh(tmp.resolve("a/content/faq/" + ID + ".yaml")), StandardCharsets.UTF_8);
        assertTrue(atHome.contains("A服务器") && !atHome.contains("B服务器"), atHome);
        assertTrue(((FaqEntry) b.entry(ID).orElseThrow()).answer().contains("A服务器"), "B serves A's save after the refusal");
    }

    @Test
    void aCreateOfAnIdAnotherServerCreatedJustBeforeIsRefusedAsExisting() {
        var fromA = new PhrasingEntry("phr.race", "shipping.carriers", "物流", "A的", "亲,A服务器先建的", null, List.of(), null, List.of());
        var fromB = new PhrasingEntry("phr.race", "shipping.carriers", "物流", "B的", "亲,B服务器后建的", null, List.of(), null, List.of());
        mirrorB.beforeNextWrite(() -> {
            a.editor().create(fromA, "alice");
            mirrorB.pull();
        });

        assertThrows(EntryExistsException.class, () -> b.editor().create(fromB, "bob"));
        assertEquals(fromA, b.entry("phr.race").orElseThrow());
    }

    private static FaqEntry withAnswer(FaqEntry faq, String answer) {
        return new FaqEntry(faq.id(), faq.intent(), faq.scenario(), faq.question(), faq.similar(), answer, faq.note(),
                faq.tags(), faq.products(), faq.negatives());
    }
}
