package shopkb.analysis;

import java.util.Arrays;
import java.util.Map;

/**
 * A text with the vocabulary's internet spellings rewritten (木有 → 没有): each spelling in the vocabulary's order
 * (longest first) replaced everywhere, left to right, before the next, as {@link String#replace} would. Keeps, for
 * each char of the result, the offset it came from in the original, so that an analyzer can point its tokens at
 * the original text.
 */
public final class Respelling {

    private final String text;
    /** For each offset of {@link #text} (and its end), the offset in the original; null when nothing was rewritten. */
    private final int[] sources;

    private Respelling(String text, int[] sources) {
        this.text = text;
        this.sources = sources;
    }

    /** Rewrites {@code original} by {@code spellings}, in the map's iteration order. */
    public static Respelling of(String original, Map<String, String> spellings) {
        String text = original;
        int[] sources = null;
        for (Map.Entry<String, String> spelling : spellings.entrySet()) {
            String from = spelling.getKey();
            int at = from.isEmpty() ? -1 : text.indexOf(from); // an empty spelling would match forever
            if (at < 0) {
                continue;
            }
            if (sources == null) {
                sources = identity(text.length());
            }
            String to = spelling.getValue();
            var rewritten = new StringBuilder(text.length());
            var rewrittenSources = new IntList(text.length() + 1);
            int copied = 0;
            while (at >= 0) {
                rewritten.append(text, copied, at);
                rewrittenSources.addRange(sources, copied, at);
                rewritten.append(to);
                // The i-th char of a replacement points at the i-th char it replaced (at the last, past the end of
                // what it replaced); the char after the replacement points at the end of what it replaced.
                for (int i = 0; i < to.length(); i++) {
                    rewrittenSources.add(sources[at + Math.min(i, from.length() - 1)]);
                }
                copied = at + from.length();
                at = text.indexOf(from, copied);
            }
            rewritten.append(text, copied, text.length());
            rewrittenSources.addRange(sources, copied, text.length() + 1);
            text = rewritten.toString();
            sources = rewrittenSources.toArray();
        }
        return new Respelling(text, sources);
    }

    public String text() {
        return text;
    }

    /** Whether any spelling was rewritten. */
    public boolean changed() {
        return sources != null;
    }

    /** The offset in the original text of {@code offset} in {@link #text()} (0 to its length). */
    public int sourceOffset(int offset) {
        return sources == null ? offset : sources[offset];
    }

    private static int[] identity(int length) {
        int[] offsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            offsets[i] = i;
        }
        return offsets;
    }

    /** A growable int array; boxing every offset of a long paste would cost more than the rewrite. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(capacity, 1)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addRange(int[] from, int start, int end) {
            for (int i = start; i < end; i++) {
                add(from[i]);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
