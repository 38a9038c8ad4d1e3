package shopkb.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedIdsTest {

    @Test
    void anIdGivenIsKnownWithItsTimeAndNoOtherIs() {
        var issued = new IssuedIds(10);
        String id = issued.issue(1_000);

        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(1_000, issued.issuedAt(id));
        assertEquals(Long.MIN_VALUE, issued.issuedAt("0123456789abcdef"));
    }

    @Test
    void malformedIdsAreNotKnownAndDoNotFail() {
        var issued = new IssuedIds(10);
        String id = issued.issue(1_000);

        for (String bad : new String[] {null, "", id.toUpperCase(), id + "0", id.substring(1), "zzzzzzzzzzzzzzzz", "-123456789abcdef"}) {
            if (!id.equals(bad)) {
                assertEquals(Long.MIN_VALUE, issued.issuedAt(bad), bad);
            }
        }
    }

    /** Thousands of ids through a small table: every one of the last ones stays findable as the oldest go. */
    @Test
    void keepsExactlyTheLastIdsGiven() {
        int capacity = 100;
        var issued = new IssuedIds(capacity);
        List<String> given = new ArrayList<>();
        for (int n = 0; n < 20 * capacity; n++) {
            given.add(issued.issue(n));
            if (n % 37 == 0 || n == 20 * capacity - 1) {
                for (int k = 0; k < given.size(); k++) {
                    long expected = k >= given.size() - capacity ? k : Long.MIN_VALUE;
                    assertEquals(expected, issued.issuedAt(given.get(k)), "id " + k + " after " + (n + 1) + " given");
                }
            }
        }
    }
}
