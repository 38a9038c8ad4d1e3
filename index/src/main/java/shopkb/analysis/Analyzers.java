package shopkb.analysis;

import java.io.Reader;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
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
            Tokenizer tokenizer = new LexiconTokenizer(lexicon);
            var stream = new StopFilter(tokenizer, SmartChineseAnalyzer.getDefaultStopSet());
            return new Analyzer.TokenStreamComponents(tokenizer, new SizeClassFilter(stream));
        });
    }

    public Analyzer grams() {
        return analyzer(() -> {
            Tokenizer tokenizer = new StandardTokenizer();
            return new Analyzer.TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN, false));
        });
    }

    public Analyzer pinyin() {
        return analyzer(() -> {
            Tokenizer tokenizer = new StandardTokenizer();
            var shingles = new ShingleFilter(new PinyinFilter(tokenizer), 2, 2);
            shingles.setOutputUnigrams(false);
            shingles.setOutputUnigramsIfNoShingles(true);
            shingles.setTokenSeparator("_");
            return new Analyzer.TokenStreamComponents(tokenizer, shingles);
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

    private Analyzer analyzer(Supplier<Analyzer.TokenStreamComponents> components) {
        boolean normalize = options.normalize();
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return normalize ? new NormalizingCharFilter(reader) : reader;
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return components.get();
            }
        };
    }
}
