package shopkb.semantic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vectors of buyers' messages, with the most recent few thousand kept in memory: agents paste the same messages
 * again and again (在吗, 包邮吗), and an encode costs a millisecond. Kept in memory only: messages can carry
 * personal data, so they are never written to disk.
 */
public final class MessageVectors {

    private static final int CAPACITY = 4096;

    private final SentenceEncoder encoder;
    private final Map<String, float[]> recent = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    public MessageVectors(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /** The message's vector (do not modify it: it is shared with later callers). */
    public float[] of(String message) {
        String key = encoder.key(message);
        synchronized (recent) {
            float[] known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] vector = encoder.encode(key);
        synchronized (recent) {
            recent.put(key, vector);
        }
        return vector;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Cosine similarity of two unit-length vectors. */
    public static float cosine(float[] a, float[] b) {
        return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
    }
}
