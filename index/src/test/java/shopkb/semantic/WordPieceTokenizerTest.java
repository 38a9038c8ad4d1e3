package shopkb.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expected ids were produced by the reference implementation (Hugging Face tokenizers, through DJL, on the model
 * jar's tokenizer.json); over 23,881 texts (the demo content, the seed documents and the paraphrase benchmark) the two
 * gave the same ids.
 */
class WordPieceTokenizerTest {

    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream json = WordPieceTokenizerTest.class.getResourceAsStream(OnnxSentenceEncoder.TOKENIZER_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
    }

    @Test
    void splitsChineseIntoCharactersAndNumbersIntoWordPieces() {
        assertArrayEquals(new long[] {101, 6821, 816, 9560, 3766, 749, 1557, 102}, tokenizer.encode("这件185没了啊", 128));
    }

    @Test
    void readsTraditionalCharactersAsTheyAre() {
        assertArrayEquals(new long[] {101, 4634, 784, 7938, 2571, 6894, 2407, 1921, 1168, 102}, tokenizer.encode("發什麼快遞幾天到", 128));
    }

    @Test
    void unknownSymbolsBecomeUnkAndPunctuationStandsAlone() {
        assertArrayEquals(new long[] {101, 5543, 912, 2139, 4157, 1408, 100, 136, 102}, tokenizer.encode("能便宜点吗😀?", 128));
        assertArrayEquals(new long[] {101, 3312, 3300, 3119, 1168, 6573, 106, 106, 106, 102}, tokenizer.encode("木有收到货!!!", 128));
    }

    @Test
    void keepsCaseAsTheTokenizerJsonSays() {
        assertArrayEquals(new long[] {101, 100, 117, 100, 7556, 705, 100, 4772, 9919, 8144, 118, 8667, 102},
                tokenizer.encode("Hello, SF顺丰 XL码 1712-102", 128));
    }

    @Test
    void longTextIsCutToTheLimitAndStillFramed() {
        long[] ids = tokenizer.encode("质量太差".repeat(100), 16);
        assertEquals(16, ids.length);
        assertEquals(101, ids[0]);
        assertEquals(102, ids[15]);
    }

    @Test
    void emptyTextIsJustTheFrame() {
        assertArrayEquals(new long[] {101, 102}, tokenizer.encode("", 128));
        assertArrayEquals(new long[] {101, 102}, tokenizer.encode("\u0000\t ", 128));
    }
}
