package shopkb.semantic;

import java.util.List;

/**
 * Turns a sentence into a unit-length vector whose dot product with another sentence's vector says how close
 * their meanings are. Implementations are thread-safe.
 */
public interface SentenceEncoder {

    /** The vector of one sentence (length {@link #dimensions()}, L2-normalised). */
    float[] encode(String text);

    /** Vectors of many sentences, in order; may batch them for speed. */
    List<float[]> encodeAll(List<String> texts);

    int dimensions();

    /** The form of {@code text} its vector depends on: texts with the same key share one vector (and one cache line). */
    String key(String text);

    /**
     * Identifies the model and everything that shapes its vectors (weights, tokenizer, pooling, text limits):
     * vectors made under another id must not be mixed with these.
     */
    String modelId();
}
