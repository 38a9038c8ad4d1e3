package shopkb.opensearch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.opensearch.common.settings.Setting;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import shopkb.analysis.AnalysisOptions;
import shopkb.analysis.Analyzers;
import shopkb.analysis.Vocabulary;

/**
 * shopkb's analysis chain inside OpenSearch, the same classes as the embedded engine's, with the shop vocabulary
 * of each index read from its settings ({@code index.shopkb.words}, {@code .synonyms}, {@code .spellings}).
 *
 * <ul>
 *   <li>analyzers {@code shopkb_words}, {@code shopkb_grams}, {@code shopkb_pinyin}: exactly
 *       {@link Analyzers#words()}, {@link Analyzers#grams()} and {@link Analyzers#pinyin()};</li>
 *   <li>analyzer {@code smartcn}: Lucene's own {@link SmartChineseAnalyzer}, untouched, under the name OpenSearch's
 *       analysis-smartcn plugin gives it (that plugin's zip is not on Maven Central; this one bundles smartcn anyway):
 *       what a shop would get from a plain node, for {@code ./kb bench} to measure the server against;</li>
 *   <li>char filters {@code shopkb_normalize}, {@code shopkb_spellings}; tokenizer {@code shopkb_lexicon};
 *       token filters {@code shopkb_stop}, {@code shopkb_size_class}, {@code shopkb_bigrams},
 *       {@code shopkb_pinyin_pairs}: the steps, for analyzers of one's own.</li>
 * </ul>
 */
public final class ShopkbAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public List<Setting<?>> getSettings() {
        return ShopVocabulary.SETTINGS;
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "shopkb_words", analyzer(Analyzers::words),
                "shopkb_grams", analyzer(Analyzers::grams),
                "shopkb_pinyin", analyzer(Analyzers::pinyin),
                "smartcn", (index, env, name, settings) -> new ChainStep.WholeAnalyzer(name, new SmartChineseAnalyzer()));
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of(
                "shopkb_normalize", (index, env, name, settings) -> new ChainStep.CharFilter(name, Analyzers::normalizing),
                "shopkb_spellings", (index, env, name, settings) -> {
                    Vocabulary vocabulary = ShopVocabulary.of(index.getSettings());
                    return new ChainStep.CharFilter(name, reader -> Analyzers.respelling(reader, vocabulary));
                });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("shopkb_lexicon", (index, env, name, settings) -> {
            Vocabulary vocabulary = ShopVocabulary.of(index.getSettings());
            return TokenizerFactory.newFactory(name, () -> Analyzers.lexiconTokenizer(vocabulary::words));
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "shopkb_stop", tokenFilter(Analyzers::withoutStopWords),
                "shopkb_size_class", tokenFilter(Analyzers::withSizeClasses),
                "shopkb_bigrams", tokenFilter(Analyzers::bigrams),
                "shopkb_pinyin_pairs", tokenFilter(Analyzers::pinyinPairs));
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(Function<Analyzers, Analyzer> which) {
        return (index, env, name, settings) -> {
            Vocabulary vocabulary = ShopVocabulary.of(index.getSettings());
            return new ChainStep.WholeAnalyzer(name, which.apply(new Analyzers(AnalysisOptions.full(), () -> vocabulary)));
        };
    }

    private static AnalysisProvider<TokenFilterFactory> tokenFilter(UnaryOperator<TokenStream> step) {
        return (index, env, name, settings) -> new ChainStep.TokenFilter(name, step);
    }
}
