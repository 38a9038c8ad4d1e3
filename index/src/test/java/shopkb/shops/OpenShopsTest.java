package shopkb.shops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.SharedResources;
import shopkb.content.PhrasingEntry;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.usage.UsageLog;

/** Shops are created, opened on first use, closed when idle, reopened, and removed; none sees another's content. */
class OpenShopsTest {

    @TempDir
    Path tmp;
    private SharedResources shared;
    private OpenShops shops;

    @BeforeEach
    void open() {
        shared = SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve("data/vectors"), null);
        var catalog = new ShopCatalog(new DataLayout(tmp.resolve("data")), Fixture.copyTo(tmp));
        shops = OpenShops.open(catalog, shared, new OpenShops.Settings(UsageLog.Settings.defaults(), Duration.ZERO));
    }

    @AfterEach
    void close() throws Exception {
        shops.close();
        shared.close();
    }

    private List<String> topIds(ShopName shop, String message) {
        try (var lease = shops.use(shop)) {
            return lease.shop().kb().search(SearchRequest.of(message, 3)).results().stream().map(r -> r.id()).toList();
        }
    }

    @Test
    void aShopCreatedAsACopyIsSearchableAtOnceAndEditsStayInTheirShop() {
        ShopName copy = new ShopName("copy");
        shops.create(copy, "副本店", ShopName.DEFAULT);
        assertEquals("faq.shipping.carriers", topIds(copy, "发什么快递").getFirst(), "searchable as soon as it exists");

        try (var lease = shops.use(copy)) {
            lease.shop().kb().editor().create(new PhrasingEntry("phr.only-copy", "shipping.carriers", "物流", "闪电鸭快递",
                    "亲,我们发闪电鸭快递", null, List.of(), null, List.of()), "test");
        }
        assertEquals(List.of("phr.only-copy"), topIds(copy, "闪电鸭"));
        assertEquals(List.of(), topIds(ShopName.DEFAULT, "闪电鸭"), "the default shop never sees the copy's entry");
        assertEquals(List.of("default", "copy"), shops.list().stream().map(ShopInfo::name).toList());
        assertEquals("副本店", shops.list().get(1).title());
    }

    @Test
    void anEmptyShopStartsWithNoEntriesAndTheFoldersOfContent() {
        shops.create(new ShopName("empty"), null, null);
        try (var lease = shops.use(new ShopName("empty"))) {
            assertEquals(0, lease.shop().kb().health().entries());
            assertEquals(List.of(), lease.shop().kb().health().problems());
        }
        assertTrue(Files.isDirectory(tmp.resolve("data/shops/empty/content/faq")));
        assertTrue(Files.isDirectory(tmp.resolve("data/shops/empty/content/vocabulary")));
    }

    @Test
    void anIdleShopClosesAndReopensOnItsPersistedIndex() {
        ShopName shop = new ShopName("idle");
        shops.create(shop, null, ShopName.DEFAULT);
        assertEquals(2, shops.openCount());

        shops.closeIdle();
        assertEquals(1, shops.openCount(), "the idle shop closed; the default one stays open");

        try (var lease = shops.use(shop)) {
            assertTrue(lease.shop().kb().health().indexReused(), "reopened on its persisted index");
            assertEquals("faq.shipping.carriers", lease.shop().kb().search(SearchRequest.of("发什么快递", 3)).results().getFirst().id());
        }
    }

    @Test
    void aShopInUseIsNotClosedAsIdle() {
        ShopName shop = new ShopName("busy");
        shops.create(shop, null, ShopName.DEFAULT);
        try (var lease = shops.use(shop)) {
            shops.closeIdle();
            assertEquals(2, shops.openCount());
            assertFalse(lease.shop().kb().search(SearchRequest.of("发什么快递", 3)).results().isEmpty());
        }
    }

    @Test
    void aRemovedShopIsMovedAsideWholeAndRefusedFromThenOn() throws Exception {
        ShopName shop = new ShopName("gone");
        shops.create(shop, null, ShopName.DEFAULT);

        shops.remove(shop);

        assertThrows(UnknownShopException.class, () -> shops.use(shop));
        assertFalse(shops.catalog().exists(shop));
        try (var removed = Files.list(tmp.resolve("data/removed"))) {
            Path kept = removed.findFirst().orElseThrow();
            assertTrue(kept.getFileName().toString().startsWith("gone-"));
            assertTrue(Files.isRegularFile(kept.resolve("content/faq/faq.shipping.carriers.yaml")), "nothing is deleted");
        }
        assertThrows(IllegalArgumentException.class, () -> shops.remove(ShopName.DEFAULT));
    }

    @Test
    void namesAreCheckedAndNeverTakenTwice() {
        assertThrows(IllegalArgumentException.class, () -> new ShopName("../etc"));
        assertThrows(IllegalArgumentException.class, () -> new ShopName("Big"));
        assertThrows(IllegalArgumentException.class, () -> new ShopName(""));
        shops.create(new ShopName("twice"), null, null);
        assertThrows(ShopExistsException.class, () -> shops.create(new ShopName("twice"), null, null));
        assertThrows(ShopExistsException.class, () -> shops.create(ShopName.DEFAULT, null, null));
        assertThrows(UnknownShopException.class, () -> shops.create(new ShopName("orphan"), null, new ShopName("nowhere")));
        assertThrows(UnknownShopException.class, () -> shops.use(new ShopName("nowhere")));
    }

    @Test
    void aHalfBuiltShopFolderLeftByACrashIsNeverListed() throws Exception {
        Files.createDirectories(tmp.resolve("data/shops/.half.creating-1234/content"));
        assertEquals(List.of("default"), shops.list().stream().map(ShopInfo::name).toList());
    }
}
