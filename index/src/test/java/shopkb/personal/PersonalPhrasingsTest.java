package shopkb.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.SharedResources;
import shopkb.editing.EntryNotFoundException;
import shopkb.editing.ValidationFailedException;
import shopkb.editing.VersionConflictException;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;
import shopkb.shops.DataLayout;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/** An agent's own phrasings: theirs alone, checked like the team's, kept on disk with their history; suggestions too. */
class PersonalPhrasingsTest {

    @TempDir
    Path tmp;

    @Test
    void eachAgentSeesOnlyTheirOwnAndEverythingIsOnDiskWithItsHistory() {
        var store = PersonalPhrasings.open(tmp);
        var mine = store.create("xiaomei", "催付提醒", "亲,您的订单还没付款哦,我是{客服昵称}", "/cf");
        store.create("dawei", "大伟的开场", "亲,在的", null);

        assertEquals(List.of("催付提醒"), store.of("xiaomei").stream().map(PersonalPhrasing::title).toList());
        assertEquals(List.of("大伟的开场"), store.of("dawei").stream().map(PersonalPhrasing::title).toList());
        assertTrue(store.read("dawei", mine.phrasing().id()).isEmpty(), "another agent cannot even read it by id");

        var updated = store.update("xiaomei", mine.phrasing().id(), "催付提醒", "亲,记得付款哦", "/cf", mine.etag());
        var reopened = PersonalPhrasings.open(tmp);
        assertEquals("亲,记得付款哦", reopened.of("xiaomei").getFirst().text(), "read back from disk");
        assertEquals(List.of("create", "update"),
                reopened.history("xiaomei", mine.phrasing().id()).stream().map(h -> h.action()).toList());

        reopened.delete("xiaomei", mine.phrasing().id(), updated.etag());
        assertEquals(List.of(), PersonalPhrasings.open(tmp).of("xiaomei"));
        assertEquals(3, PersonalPhrasings.open(tmp).history("xiaomei", mine.phrasing().id()).size(), "the delete is in the history");
    }

    @Test
    void aStaleCopyIsRefusedAndBadTextIsCheckedAsTheTeamsIs() {
        var store = PersonalPhrasings.open(tmp);
        var first = store.create("xiaomei", "问候", "亲,在的", null);
        store.update("xiaomei", first.phrasing().id(), "问候", "亲,在的呢", null, first.etag());

        assertThrows(VersionConflictException.class,
                () -> store.update("xiaomei", first.phrasing().id(), "问候", "亲", null, first.etag()));
        assertThrows(ValidationFailedException.class, () -> store.create("xiaomei", "坏", "亲,{客服昵称", null));
        assertThrows(ValidationFailedException.class, () -> store.create("xiaomei", "坏", "亲", "wl"));
        assertThrows(ValidationFailedException.class, () -> store.create("xiaomei", "", "亲", null));
        assertThrows(EntryNotFoundException.class, () -> store.delete("dawei", first.phrasing().id(), "*"));
    }

    @Test
    void anAgentNamedWithDotsStaysInsideThePersonalFolder() throws Exception {
        var store = PersonalPhrasings.open(tmp.resolve("personal"));
        store.create("..", "点点", "亲", null);

        assertTrue(Files.isRegularFile(tmp.resolve("personal/agent-../phrasings.json")));
        try (var outside = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("personal")), outside.toList());
        }
    }

    @Test
    void suggestionsWaitForAnEditorAndSurviveARestart() throws Exception {
        var store = PersonalPhrasings.open(tmp);
        var mine = store.create("xiaomei", "极兔快递", "亲,我们也发极兔快递", "/jt");
        Suggestion suggested = store.suggest("xiaomei", mine.phrasing().id(), "买家常问");
        Suggestion other = store.suggest("xiaomei", mine.phrasing().id(), null);

        var reopened = PersonalPhrasings.open(tmp);
        assertEquals(List.of(suggested.id(), other.id()), reopened.open().stream().map(Suggestion::id).toList());
        assertEquals("phr.jitu", reopened.accept(suggested.id(), "alice", s -> "phr.jitu").entryId());
        reopened.dismiss(other.id(), "alice");

        var again = PersonalPhrasings.open(tmp);
        assertEquals(List.of(), again.open());
        assertThrows(EntryNotFoundException.class, () -> again.accept(suggested.id(), "bob", s -> "phr.x"), "decided once");
        Files.writeString(tmp.resolve("suggestions.jsonl"), "{\"event\":\"sugg", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), PersonalPhrasings.open(tmp).open(), "a line torn by a crash is skipped");
    }

    @Test
    void aSuggestionMadeAfterALineTornByACrashIsKept() throws Exception {
        var store = PersonalPhrasings.open(tmp);
        var mine = store.create("xiaomei", "极兔快递", "亲,我们也发极兔快递", "/jt");
        store.suggest("xiaomei", mine.phrasing().id(), null);
        Files.writeString(tmp.resolve("suggestions.jsonl"), "{\"event\":\"sugg", java.nio.file.StandardOpenOption.APPEND);

        var afterCrash = PersonalPhrasings.open(tmp);
        Suggestion suggested = afterCrash.suggest("xiaomei", mine.phrasing().id(), "崩溃之后提的");

        assertEquals(2, PersonalPhrasings.open(tmp).open().size(), "read back: on a line of its own, not joined to the torn one");
        assertEquals(suggested, PersonalPhrasings.open(tmp).open().getLast());
    }

    @Test
    void eachShopKeepsItsAgentsPhrasingsInItsOwnDataFolderAsBefore() throws Exception {
        var catalog = new ShopCatalog(new DataLayout(tmp.resolve("data")), Fixture.copyTo(tmp));
        try (var shared = SharedResources.open(RankingOptions.full(), MeaningModel.off(), tmp.resolve("data/vectors"), null);
             var shops = OpenShops.open(catalog, shared, new OpenShops.Settings(UsageLog.Settings.defaults(), Duration.ZERO))) {
            shops.create(new ShopName("other"), null, null);
            for (String shop : List.of(ShopName.DEFAULT.value(), "other")) {
                try (var lease = shops.use(new ShopName(shop))) {
                    lease.shop().personal().create("xiaomei", "问候", "亲,在的", null);
                }
            }
        }
        assertTrue(Files.isRegularFile(tmp.resolve("data/personal/agent-xiaomei/phrasings.json")), "the default shop's");
        assertTrue(Files.isRegularFile(tmp.resolve("data/shops/other/personal/agent-xiaomei/phrasings.json")));
        assertEquals(1, PersonalPhrasings.open(tmp.resolve("data/shops/other/personal")).of("xiaomei").size());
    }
}
