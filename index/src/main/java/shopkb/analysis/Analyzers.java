package shopkb.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one place analyzers are built. Both normalise first (see {@link TextNormalizer}).
 *
 * <ul>
 *   <li>{@link #words()}: smartcn's HMM segmentation into words, punctuation dropped;</li>
 *   <li>{@link #grams()}: overlapping character bigrams, a second view of the same text so that a
 *       wrong word split (包邮 → 包|邮) still matches on 包邮.</li>
 * </ul>
 */
public final class Analyzers {

    private Analyzers() {
    }

    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new NormalizingCharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new StopFilter(tokenizer, SmartChineseAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    public static Analyzer grams() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new NormalizingCharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN, false);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }
}
