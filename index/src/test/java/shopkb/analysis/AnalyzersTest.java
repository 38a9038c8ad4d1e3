package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import shopkb.Fixture;

class AnalyzersTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            return drain(stream);
        }
    }

    /** The terms of an opened stream, read to its end (the caller closes it). */
    static List<String> drain(TokenStream stream) throws IOException {
        var out = new ArrayList<String>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        stream.end();
        return out;
    }

    @Test
    void wordsAnalyzerSegmentsWithSmartcnAndDropsPunctuation() throws IOException {
        List<String> words = tokens(Analyzers.plain().words(), "你们发什么快递?");
        assertEquals(List.of("你们", "发", "什么", "快递"), words);
    }

    @Test
    void gramsKeepShopWordsWholeEvenWhereSmartcnSplitsThem() throws IOException {
        assertTrue(tokens(Analyzers.plain().grams(), "顺丰包邮吗").containsAll(List.of("顺丰", "包邮")));
    }

    @Test
    void traditionalAndSimplifiedTextAnalyseAlike() throws IOException {
        assertEquals(tokens(Analyzers.plain().words(), "这件有货吗"), tokens(Analyzers.plain().words(), "這件有貨嗎"));
        assertEquals(tokens(Analyzers.plain().grams(), "这件有货吗"), tokens(Analyzers.plain().grams(), "這件有貨嗎"));
    }

    @Test
    void offsetsPointIntoTheOriginalTextWithTheResidueAttachedToItsCharacter() throws IOException {
        String original = "服務(wù)培訓(xùn)";
        try (TokenStream stream = Analyzers.plain().grams().tokenStream("f", original)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            var seen = new ArrayList<String>();
            while (stream.incrementToken()) {
                seen.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            assertEquals(List.of("服务@0-6", "务培@1-7", "培训@6-13"), seen);
        }
    }

    @Test
    void theRespellingStepRewritesSpellingsAndKeepsOffsetsInTheOriginal() throws IOException {
        Vocabulary vocabulary = VocabularyLoader.load(Fixture.source()); // 木有 => 没有
        Analyzer respelled = new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return Analyzers.respelling(Analyzers.normalizing(reader), vocabulary);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = Analyzers.lexiconTokenizer(Set::of);
                return new TokenStreamComponents(tokenizer, Analyzers.withoutStopWords(tokenizer));
            }
        };
        String original = "這件服務(wù)木有貨";
        try (TokenStream stream = respelled.tokenStream("f", original)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            var seen = new ArrayList<String>();
            while (stream.incrementToken()) {
                seen.add(term + "@" + original.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
            assertEquals(List.of("这@這", "件@件", "服务@服務(wù)", "没有@木有", "货@貨"), seen);
        }
    }
}
