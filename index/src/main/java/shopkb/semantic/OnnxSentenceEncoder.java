package shopkb.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import shopkb.analysis.TextNormalizer;
import shopkb.threads.PlatformWork;

/**
 * bge-small-zh-v1.5 (int8 quantised ONNX, as Maven Central ships it in langchain4j's model jar) run in-process
 * with ONNX Runtime: [CLS] pooling, L2-normalised, 512 dimensions. Han characters are folded to simplified and
 * Latin letters to lower case first, so 發貨 and 发货 share a vector; full-width punctuation is kept as the model
 * saw it in training (folding it to half-width cost 0.6 points of hit@1 on the paraphrase benchmark).
 */
public final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {

    /** Where the model jar keeps its files on the classpath. */
    public static final String MODEL_RESOURCE = "/bge-small-zh-v1.5-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/bge-small-zh-v1.5-q-tokenizer.json";
    /**
     * Tokens read per text. Questions and titles are far shorter; a pasted message longer than this is cut,
     * which keeps one encode within a few milliseconds whatever the buyer pastes.
     */
    static final int MAX_TOKENS = 128;
    /** Bump when {@link #key} changes, so vectors made from the old form of text are not reused. */
    private static final int KEY_VERSION = 2;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final int dimensions;
    private final String modelId;
    /** Inference runs there when asked for on a virtual thread (see {@link PlatformWork}). */
    private final PlatformWork inference = new PlatformWork("encode", Runtime.getRuntime().availableProcessors());

    private OnnxSentenceEncoder(byte[] model, byte[] tokenizerJson) throws OrtException {
        NativeLibraryCache.useCacheFolder();
        this.environment = OrtEnvironment.getEnvironment();
        var options = new OrtSession.SessionOptions();
        // One thread per call: searches already run one per core, and a build encodes on several threads at once.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        this.session = environment.createSession(model, options);
        this.tokenizer = WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(tokenizerJson));
        this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.modelId = "bge-small-zh-v1.5-q/cls/" + MAX_TOKENS + "/" + KEY_VERSION + "/" + sha256(model, tokenizerJson);
        this.dimensions = run(new long[] {0, 0}).length;
    }

    /** The model bundled on the classpath (the langchain4j model jar). */
    public static OnnxSentenceEncoder loadBundled() {
        return load(MODEL_RESOURCE, TOKENIZER_RESOURCE);
    }

    /**
     * The model and tokenizer from classpath resources.
     *
     * @throws IllegalStateException when they are missing or ONNX Runtime cannot run them
     */
    static OnnxSentenceEncoder load(String modelResource, String tokenizerResource) {
        try (InputStream model = OnnxSentenceEncoder.class.getResourceAsStream(modelResource);
             InputStream tokenizer = OnnxSentenceEncoder.class.getResourceAsStream(tokenizerResource)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the sentence model is not on the classpath (" + modelResource + ")");
            }
            return new OnnxSentenceEncoder(model.readAllBytes(), tokenizer.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence model", e);
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence model: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] encode(String text) {
        long[] tokens = tokenizer.encode(key(text), MAX_TOKENS);
        try {
            return inference.call(() -> run(tokens));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sentence model", e);
        }
    }

    /**
     * Encodes one text after another. Never in padded batches: the int8 model quantises activations over the whole
     * batch, so a text's vector would depend on its batch mates (a cosine of 0.989 with itself), and vectors made at
     * a cold start would differ from the same texts' vectors made later. Callers spread many texts over threads.
     */
    @Override
    public List<float[]> encodeAll(List<String> texts) {
        return texts.stream().map(this::encode).toList();
    }

    /** Pinyin residue removed, Han and letters folded ({@link TextNormalizer#foldLettersAndHan}), outer spaces trimmed. */
    @Override
    public String key(String text) {
        return TextNormalizer.foldLettersAndHan(TextNormalizer.removePinyinResidue(text).strip());
    }

    private float[] run(long[] tokens) {
        long[][] ids = {tokens};
        long[][] mask = {new long[tokens.length]};
        Arrays.fill(mask[0], 1L);
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, new long[1][tokens.length])) {
            Map<String, OnnxTensor> inputs = needsTokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return unit(hidden[0][0]); // [CLS] pooling, as the model was trained
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed: " + e.getMessage(), e);
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        inference.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
