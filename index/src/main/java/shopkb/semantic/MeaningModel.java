package shopkb.semantic;

/**
 * Whether search can rank by meaning, and why not when it cannot: the sentence encoder when loaded, else how the
 * server runs without it (words only).
 *
 * @param encoder the loaded encoder, or null
 * @param status {@code on}, {@code off} (switched off) or {@code unavailable} (it failed to load)
 * @param detail the model and its load time, or why it is off or unavailable
 */
public record MeaningModel(SentenceEncoder encoder, String status, String detail) {

    /** Meaning switched off by configuration. */
    public static MeaningModel off() {
        return new MeaningModel(null, "off", "switched off (--semantic false): ranking by words only");
    }

    /** The model bundled on the classpath; unavailable (never an exception) when it cannot load. */
    public static MeaningModel load() {
        return loadFrom(OnnxSentenceEncoder.MODEL_RESOURCE, OnnxSentenceEncoder.TOKENIZER_RESOURCE);
    }

    /** The model from the given classpath resources; unavailable (never an exception) when it cannot load. */
    public static MeaningModel loadFrom(String modelResource, String tokenizerResource) {
        long start = System.nanoTime();
        try {
            OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(modelResource, tokenizerResource);
            return new MeaningModel(encoder, "on",
                    encoder.modelId() + " loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException | LinkageError e) {
            return new MeaningModel(null, "unavailable", "the sentence model could not load, ranking by words only: " + e.getMessage());
        }
    }

    public boolean available() {
        return encoder != null;
    }
}
