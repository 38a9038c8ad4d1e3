package shopkb.analysis;

import java.io.Reader;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one place analyzers are built. Each normalises first (see {@link TextNormalizer}), unless switched off.
 *
 * <ul>
 *   <li>{@link #words()}: smartcn words, with the vocabulary's domain words kept whole, punctuation dropped,
 *       sizes marked with a class token;</li>
 *   <li>{@link #grams()}: overlapping character bigrams, a second view of the same text so that a wrong word
 *       split still matches;</li>
 *   <li>{@link #pinyin()}: pairs of toneless pinyin syllables (bao_you), for homophone typos.</li>
 * </ul>
 *
 * <p>The steps of these analyzers are also public, one static method each, so that other hosts of the chain (the
 * OpenSearch plugin) assemble exactly the same steps. An analyzer's chains are reused by whichever thread analyses next
 * ({@link LentChains}), not kept per thread.
 */
public final class Analyzers {

    private final AnalysisOptions options;
    private final Supplier<Set<String>> lexicon;

    /**
     * @param vocabulary the current vocabulary; read on every use, so a reloaded vocabulary applies at once
     */
    public Analyzers(AnalysisOptions options, Supplier<Vocabulary> vocabulary) {
        this.options = options;
        this.lexicon = options.lexicon() ? () -> vocabulary.get().words() : Set::of;
    }

    /** Full analysis with no vocabulary, for code that needs no shop words. */
    public static Analyzers plain() {
        return new Analyzers(AnalysisOptions.full(), Vocabulary::empty);
    }

    public Analyzer words() {
        return analyzer(() -> {
            Tokenizer tokenizer = lexiconTokenizer(lexicon);
            return new Analyzer.TokenStreamComponents(tokenizer, withSizeClasses(withoutStopWords(tokenizer)));
        });
    }

    public Analyzer grams() {
        return analyzer(() -> {
            Tokenizer tokenizer = new StandardTokenizer();
            return new Analyzer.TokenStreamComponents(tokenizer, bigrams(tokenizer));
        });
    }

    public Analyzer pinyin() {
        return analyzer(() -> {
            Tokenizer tokenizer = new StandardTokenizer();
            return new Analyzer.TokenStreamComponents(tokenizer, pinyinPairs(tokenizer));
        });
    }

    /** Index-time analyzer: by field-name suffix, {@code _words}, {@code _pinyin}, else bigrams. */
    public Analyzer perField(Iterable<String> wordFields, Iterable<String> pinyinFields) {
        Analyzer words = words();
        Analyzer pinyin = pinyin();
        var map = new java.util.HashMap<String, Analyzer>();
        wordFields.forEach(f -> map.put(f, words));
        pinyinFields.forEach(f -> map.put(f, pinyin));
        return new PerFieldAnalyzerWrapper(grams(), Map.copyOf(map));
    }

    /** The normalisation step: see {@link TextNormalizer}; offsets point into the original text. */
    public static Reader normalizing(Reader in) {
        return new NormalizingCharFilter(in);
    }

    /**
     * The vocabulary's internet spellings rewritten (木有 → 没有), as the query parser does on a normalised message;
     * offsets point into the text before the rewrite.
     */
    public static Reader respelling(Reader in, Vocabulary vocabulary) {
        return new SpellingCharFilter(in, vocabulary);
    }

    /** smartcn segmentation keeping the lexicon's words whole; the lexicon is read at each reset. */
    public static Tokenizer lexiconTokenizer(Supplier<Set<String>> lexicon) {
        return new LexiconTokenizer(lexicon);
    }

    /** Drops smartcn's stop set: punctuation and a few function words. */
    public static TokenStream withoutStopWords(TokenStream in) {
        return new StopFilter(in, SmartChineseAnalyzer.getDefaultStopSet());
    }

    /** Adds the size class token after each clothing size (see {@link SizeClassFilter}). */
    public static TokenStream withSizeClasses(TokenStream in) {
        return new SizeClassFilter(in);
    }

    /** Overlapping bigrams of Han characters (a lone one stays a unigram); other tokens pass through. */
    public static TokenStream bigrams(TokenStream in) {
        return new CJKBigramFilter(in, CJKBigramFilter.HAN, false);
    }

    /** Each Han character as toneless pinyin, joined in overlapping pairs (bao_you); a lone token stays alone. */
    public static TokenStream pinyinPairs(TokenStream in) {
        var shingles = new ShingleFilter(new PinyinFilter(in), 2, 2);
        shingles.setOutputUnigrams(false);
        shingles.setOutputUnigramsIfNoShingles(true);
        shingles.setTokenSeparator("_");
        return shingles;
    }

    private Analyzer analyzer(Supplier<Analyzer.TokenStreamComponents> components) {
        boolean normalize = options.normalize();
        var chains = new LentChains();
        return new Analyzer(chains) {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return normalize ? normalizing(reader) : reader;
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return chains.returnable(components.get());
            }
        };
    }
}
