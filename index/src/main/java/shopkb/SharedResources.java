package shopkb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import shopkb.indexing.VectorCache;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;
import shopkb.semantic.MessageVectors;

/**
 * What every knowledge base of one process shares, opened once and closed after them: how ranking works, the sentence
 * model (about 100 MB, most of a second to load), the cache of vectors by text (a text's vector is the same in every
 * shop), the remembered buyer messages' vectors (one bound for all shops), the background threads, and the
 * platform-wide vocabulary layer.
 */
public final class SharedResources implements Closeable {

    private final RankingOptions options;
    private final MeaningModel meaning;
    private final VectorCache vectors;
    private final MessageVectors messages;
    private final Housekeeping housekeeping;
    private final Path platform;
    private final UnitEngine engine;
    private final ContentHome home;

    private SharedResources(RankingOptions options, MeaningModel meaning, VectorCache vectors, Housekeeping housekeeping,
                            Path platform, UnitEngine engine, ContentHome home) {
        this.options = options;
        this.engine = engine;
        this.home = home;
        this.meaning = meaning;
        this.vectors = vectors;
        this.messages = usesMeaning(options, meaning) ? new MessageVectors(meaning.encoder()) : null;
        this.housekeeping = housekeeping;
        this.platform = platform;
    }

    /**
     * For a server of many shops.
     *
     * @param vectorCache the folder of the vectors cache (used only when ranking by meaning)
     * @param platform the folder holding the platform-wide {@code vocabulary/}, or null for none
     */
    public static SharedResources open(RankingOptions options, MeaningModel meaning, Path vectorCache, Path platform) {
        return open(options, meaning, vectorCache, platform, UnitEngine.EMBEDDED, ContentHome.LOCAL);
    }

    /** For a server of many shops whose units {@code engine} keeps, and whose content {@code home} keeps. */
    public static SharedResources open(RankingOptions options, MeaningModel meaning, Path vectorCache, Path platform,
                                       UnitEngine engine, ContentHome home) {
        var housekeeping = new Housekeeping();
        try {
            VectorCache vectors = usesMeaning(options, meaning)
                    ? VectorCache.open(vectorCache, meaning.encoder().modelId(), housekeeping.scheduler()) : null;
            return new SharedResources(options, meaning, vectors, housekeeping, platform, engine, home);
        } catch (RuntimeException e) {
            housekeeping.close();
            throw e;
        }
    }

    /** For one knowledge base on its own (the command line, tests): no vector cache, no platform layer. */
    public static SharedResources standalone(RankingOptions options, MeaningModel meaning) {
        return standalone(options, meaning, UnitEngine.EMBEDDED);
    }

    /** For one knowledge base on its own whose units {@code engine} keeps. */
    public static SharedResources standalone(RankingOptions options, MeaningModel meaning, UnitEngine engine) {
        return new SharedResources(options, meaning, null, new Housekeeping(), null, engine, ContentHome.LOCAL);
    }

    private static boolean usesMeaning(RankingOptions options, MeaningModel meaning) {
        return options.meaning() && meaning.available();
    }

    public RankingOptions options() {
        return options;
    }

    public MeaningModel meaning() {
        return meaning;
    }

    /** Whether knowledge bases opened with these rank by meaning too. */
    public boolean usesMeaning() {
        return messages != null;
    }

    /** The process's vectors by text, or null (no meaning, or a knowledge base on its own). */
    public VectorCache vectors() {
        return vectors;
    }

    /** Remembered buyer messages' vectors, or null when ranking by words only. */
    public MessageVectors messages() {
        return messages;
    }

    public Housekeeping housekeeping() {
        return housekeeping;
    }

    /** Where the shops keep their units. */
    public UnitEngine engine() {
        return engine;
    }

    /** Where the shops keep their content and its history. */
    public ContentHome home() {
        return home;
    }

    /** The folder of the platform-wide vocabulary layer, or null. */
    public Path platform() {
        return platform;
    }

    @Override
    public void close() throws IOException {
        try {
            if (vectors != null) {
                vectors.close();
            }
        } finally {
            housekeeping.close();
        }
    }
}
