package shopkb.opensearch;

import java.io.Reader;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerScope;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;

/** The chain's pieces as OpenSearch's factory types; each wraps one step of {@link shopkb.analysis.Analyzers}. */
final class ChainStep {

    private ChainStep() {
    }

    record CharFilter(String name, UnaryOperator<Reader> step) implements CharFilterFactory {
        @Override
        public Reader create(Reader reader) {
            return step.apply(reader);
        }
    }

    record TokenFilter(String name, UnaryOperator<TokenStream> step) implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return step.apply(tokenStream);
        }
    }

    /** One analyzer per index (it holds the index's vocabulary). */
    record WholeAnalyzer(String name, Analyzer analyzer) implements AnalyzerProvider<Analyzer> {
        @Override
        public AnalyzerScope scope() {
            return AnalyzerScope.INDEX;
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}
