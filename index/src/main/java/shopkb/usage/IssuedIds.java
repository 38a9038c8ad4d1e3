package shopkb.usage;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The last query ids handed out, with when, so that feedback can be refused for an id this server never gave.
 *
 * <p>Held in primitive arrays made once, not a map entry per search: such an entry (id string, instant, links) lived
 * for the next 50,000 searches, 20 s under load, so the young collector copied each one from survivor space to
 * survivor space fifteen times and then promoted it, to die in the old generation. An id is 64 random bits, written as
 * 16 lowercase hex digits.
 */
final class IssuedIds {

    private static final HexFormat HEX = HexFormat.of();
    private static final int EMPTY = -1;

    /** The ids in the order given, a ring: the oldest is overwritten first. */
    private final long[] ids;
    private final long[] millis;
    /** Linear probing over the ids: the ring position of the id hashed there, or {@link #EMPTY}. */
    private final int[] slots;
    private final int mask;
    private final int shift;
    private int next;
    private int size;

    IssuedIds(int capacity) {
        ids = new long[capacity];
        millis = new long[capacity];
        slots = new int[Integer.highestOneBit(capacity * 2 - 1) << 1]; // at most half full
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        shift = Long.numberOfLeadingZeros(slots.length) + 1;
    }

    /** A new id, remembered as given at {@code nowMillis}. */
    synchronized String issue(long nowMillis) {
        long id = ThreadLocalRandom.current().nextLong();
        if (size == ids.length) {
            forget(next);
        } else {
            size++;
        }
        ids[next] = id;
        millis[next] = nowMillis;
        int slot = home(id);
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = next;
        next = (next + 1) % ids.length;
        return HEX.toHexDigits(id);
    }

    /** When {@code id} was given, if it is one of the ids remembered; else {@link Long#MIN_VALUE}. */
    synchronized long issuedAt(String id) {
        if (id == null || id.length() != 16 || !id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Long.MIN_VALUE;
        }
        long wanted = HEX.fromHexDigitsToLong(id);
        for (int slot = home(wanted); slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (ids[slots[slot]] == wanted) {
                return millis[slots[slot]];
            }
        }
        return Long.MIN_VALUE;
    }

    /** Removes the id at ring position {@code position} from the probing table, closing the gap it leaves. */
    private void forget(int position) {
        int gap = home(ids[position]);
        while (slots[gap] != position) {
            gap = (gap + 1) & mask;
        }
        // Backward shift: a later entry of the same run moves into the gap unless its home lies cyclically after it.
        for (int slot = (gap + 1) & mask; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            int wantedHome = home(ids[slots[slot]]);
            boolean homeAfterGap = gap <= slot ? gap < wantedHome && wantedHome <= slot : gap < wantedHome || wantedHome <= slot;
            if (!homeAfterGap) {
                slots[gap] = slots[slot];
                gap = slot;
            }
        }
        slots[gap] = EMPTY;
    }

    private int home(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing: the product's top bits
    }
}
