package shopkb.semantic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vectors of buyers' messages, with the most recent few thousand kept in memory: agents paste the same messages
 * again and again (在吗, 包邮吗), and an encode costs a millisecond. One bound for the whole process, however many shops
 * are open, and each shop's messages are remembered apart ({@link #scoped()}), so no shop can tell by timing what
 * another shop's agents searched. Kept in memory only: messages can carry personal data, so they are never written to
 * disk.
 */
public final class MessageVectors {

    private static final int CAPACITY = 4096;

    private final SentenceEncoder encoder;
    private final java.util.concurrent.atomic.AtomicLong scopes = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, float[]> recent = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    public MessageVectors(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /** The messages of one shop: remembered within the common bound, found only by the same shop. */
    public Scoped scoped() {
        return new Scoped(scopes.incrementAndGet() + "\u0000");
    }

    /** One shop's view of the remembered messages. */
    public final class Scoped {
        private final String prefix;

        private Scoped(String prefix) {
            this.prefix = prefix;
        }

        /** The message's vector (do not modify it: it is shared with later callers). */
        public float[] of(String message) {
            String key = encoder.key(message);
            String scopedKey = prefix + key;
            synchronized (recent) {
                float[] known = recent.get(scopedKey);
                if (known != null) {
                    return known;
                }
            }
            float[] vector = encoder.encode(key);
            synchronized (recent) {
                recent.put(scopedKey, vector);
            }
            return vector;
        }
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Cosine similarity of two unit-length vectors. */
    public static float cosine(float[] a, float[] b) {
        return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
    }
}
