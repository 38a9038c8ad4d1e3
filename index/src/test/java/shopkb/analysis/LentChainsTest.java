package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

/** An analyzer's chains are reused by whichever thread analyses next, and never by two callers at once. */
class LentChainsTest {

    private final Analyzer words = Analyzers.plain().words();

    @Test
    void aClosedStreamsChainServesTheNextMessageOnAnotherThread() throws Exception {
        TokenStream first = words.tokenStream("q", "发什么快递");
        List<String> firstTokens = AnalyzersTest.drain(first);
        first.close();
        var onVirtualThread = new AtomicReference<TokenStream>();
        var tokens = new AtomicReference<List<String>>();
        Thread.ofVirtual().start(() -> {
            try (TokenStream next = words.tokenStream("q", "能便宜点吗")) {
                onVirtualThread.set(next);
                tokens.set(AnalyzersTest.drain(next));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).join();
        assertSame(first, onVirtualThread.get(), "the same chain, from another thread");
        assertEquals(List.of("发", "什么", "快递"), firstTokens);
        assertEquals(AnalyzersTest.tokens(Analyzers.plain().words(), "能便宜点吗"), tokens.get(),
                "a reused chain analyses as a new one");
    }

    @Test
    void streamsOpenAtOnceHaveChainsOfTheirOwn() throws IOException {
        try (TokenStream outer = words.tokenStream("q", "发什么快递"); TokenStream inner = words.tokenStream("q", "质量太差了")) {
            assertNotSame(outer, inner);
            List<String> innerTokens = AnalyzersTest.drain(inner);
            assertEquals(List.of("发", "什么", "快递"), AnalyzersTest.drain(outer));
            assertEquals(AnalyzersTest.tokens(Analyzers.plain().words(), "质量太差了"), innerTokens);
        }
    }

    @Test
    void aStreamClosedTwiceIsLentOnlyOnce() throws IOException {
        TokenStream stream = words.tokenStream("q", "发什么快递");
        AnalyzersTest.drain(stream);
        stream.close();
        stream.close();
        try (TokenStream a = words.tokenStream("q", "发货"); TokenStream b = words.tokenStream("q", "退款")) {
            assertNotSame(a, b);
        }
    }

    @Test
    void aStreamNeverClosedIsNotLentAgain() throws IOException {
        TokenStream abandoned = words.tokenStream("q", "发什么快递");
        abandoned.reset();
        try (TokenStream next = words.tokenStream("q", "退款")) {
            assertNotSame(abandoned, next);
            assertEquals(List.of("退款"), AnalyzersTest.drain(next));
        }
    }
}
