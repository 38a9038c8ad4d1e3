package shopkb.analysis;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Analyzer.TokenStreamComponents;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * An analyzer's token stream chains, kept for whichever thread analyses next: a chain is lent to one caller at a time
 * and comes back when its stream is closed. Lucene's own reuse keeps a chain per thread, but the server runs each request
 * on a new virtual thread, so every message built its chains anew (smartcn's tokenizer among them) and left them in
 * the analyzer's map of threads until a purge. A stream never closed (a caller that failed half-way) is not reused.
 */
final class LentChains extends Analyzer.ReuseStrategy {

    private final Queue<TokenStreamComponents> free = new ConcurrentLinkedQueue<>();

    /** {@code chain} with a last step that gives it back here when its stream is closed: what the analyzer makes. */
    TokenStreamComponents returnable(TokenStreamComponents chain) {
        var back = new GiveBackOnClose(chain.getTokenStream());
        back.chain = new TokenStreamComponents(chain.getSource(), back);
        return back.chain;
    }

    @Override
    public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
        TokenStreamComponents chain = free.poll();
        if (chain != null) {
            ((GiveBackOnClose) chain.getTokenStream()).lent = true;
        }
        return chain;
    }

    /** Called with a chain the analyzer just made for a caller: it is lent to that caller. */
    @Override
    public void setReusableComponents(Analyzer analyzer, String fieldName, TokenStreamComponents chain) {
        ((GiveBackOnClose) chain.getTokenStream()).lent = true;
    }

    private final class GiveBackOnClose extends TokenFilter {

        private TokenStreamComponents chain;
        /** Whether a caller holds the chain: only the first close after a lend gives it back. */
        private boolean lent;

        GiveBackOnClose(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            return input.incrementToken();
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (lent) {
                lent = false;
                free.offer(chain);
            }
        }
    }
}
