package shopkb.semantic;

/** The bundled sentence model, loaded once for every test in this JVM (a load takes most of a second). */
public final class SharedModel {

    private static MeaningModel model;

    private SharedModel() {
    }

    public static synchronized MeaningModel get() {
        if (model == null) {
            model = MeaningModel.load();
            if (!model.available()) {
                throw new IllegalStateException(model.detail());
            }
        }
        return model;
    }

    /** An encoder that counts the texts it encodes, around the shared model's. */
    public static CountingEncoder counting() {
        return new CountingEncoder(get().encoder());
    }

    /** Counts encoded texts, so tests can see what the embedding cache saved. */
    public static final class CountingEncoder implements SentenceEncoder {
        private final SentenceEncoder inner;
        private final java.util.concurrent.atomic.AtomicInteger encoded = new java.util.concurrent.atomic.AtomicInteger();

        CountingEncoder(SentenceEncoder inner) {
            this.inner = inner;
        }

        public int encoded() {
            return encoded.get();
        }

        @Override
        public float[] encode(String text) {
            encoded.incrementAndGet();
            return inner.encode(text);
        }

        @Override
        public java.util.List<float[]> encodeAll(java.util.List<String> texts) {
            encoded.addAndGet(texts.size());
            return inner.encodeAll(texts);
        }

        @Override
        public int dimensions() {
            return inner.dimensions();
        }

        @Override
        public String key(String text) {
            return inner.key(text);
        }

        @Override
        public String modelId() {
            return inner.modelId();
        }

        public MeaningModel asModel() {
            return new MeaningModel(this, "on", "counting test encoder");
        }
    }
}
