package shopkb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntriesByIdTest {

    private static PhrasingEntry phrasing(String id, String text) {
        return new PhrasingEntry(id, "shipping.carriers", "物流", "标题", text, null, List.of(), null, List.of());
    }

    @Test
    void findsWhatWasAddedReplacedAndRemovedBeforeAndAfterItsChangesAreFoldedIn() {
        var expected = new HashMap<String, Entry>();
        for (int i = 0; i < 300; i++) {
            expected.put("phr." + i, phrasing("phr." + i, "原来的" + i));
        }
        EntriesById entries = EntriesById.of(expected);
        var random = new Random(7);
        // 3,000 changes over 600 ids: the changes are folded into the frozen map several times on the way.
        for (int change = 0; change < 3000; change++) {
            String id = "phr." + random.nextInt(600);
            if (random.nextInt(4) == 0) {
                entries = entries.without(id);
                expected.remove(id);
            } else {
                Entry entry = phrasing(id, "第" + change + "次");
                entries = entries.with(entry);
                expected.put(id, entry);
            }
            if (change % 97 == 0) {
                assertFindsWhat(expected, entries);
            }
        }
        assertFindsWhat(expected, entries);
        assertNull(entries.get("phr.never"));
    }

    @Test
    void aChangeLeavesTheEntriesItWasMadeFromAsTheyWere() {
        EntriesById before = EntriesById.of(Map.of("phr.a", phrasing("phr.a", "旧")));
        EntriesById after = before.with(phrasing("phr.a", "新")).without("phr.a").with(phrasing("phr.b", "另一个"));
        assertEquals("旧", ((PhrasingEntry) before.get("phr.a")).text());
        assertNull(before.get("phr.b"));
        assertNull(after.get("phr.a"));
        assertEquals("另一个", ((PhrasingEntry) after.get("phr.b")).text());
    }

    private static void assertFindsWhat(Map<String, Entry> expected, EntriesById entries) {
        for (int i = 0; i < 600; i++) {
            assertEquals(expected.get("phr." + i), entries.get("phr." + i), "phr." + i);
        }
    }
}
