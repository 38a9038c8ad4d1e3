package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RespellingTest {

    /** Longest first, as the loader orders them; 没木有 contains 木有, 表酱紫 contains 酱紫. */
    private static final Map<String, String> SPELLINGS = ordered(
            "没木有", "有没有", "表酱紫", "不要这样子", "木有", "没有", "酱紫", "这样子", "不造", "不知道", "啥", "什么");

    @Test
    void rewritesAsReplacingEachSpellingInTurnWould() {
        for (String text : List.of("这件木有货吗", "没木有大码", "表酱紫嘛", "酱紫啊,啥时候发", "啥啥啥", "不造啥意思木有木有",
                "", "没有要改的", "木有")) {
            String expected = text;
            for (Map.Entry<String, String> spelling : SPELLINGS.entrySet()) {
                expected = expected.replace(spelling.getKey(), spelling.getValue());
            }
            assertEquals(expected, Respelling.of(text, SPELLINGS).text(), text);
        }
    }

    @Test
    void eachCharOfTheResultPointsAtWhereItCameFrom() {
        Respelling respelling = Respelling.of("啥时候发,不造", SPELLINGS);

        assertEquals("什么时候发,不知道", respelling.text());
        // 什|么 both come from 啥 (0); 时 from 1; 不|知|道 from 不造 (5, 6, 6); the end is the original's end.
        int[] expected = {0, 0, 1, 2, 3, 4, 5, 6, 6, 7};
        for (int offset = 0; offset < expected.length; offset++) {
            assertEquals(expected[offset], respelling.sourceOffset(offset), "offset " + offset);
        }
    }

    @Test
    void aTextWithoutSpellingsIsLeftAsItIs() {
        Respelling respelling = Respelling.of("能便宜点吗", SPELLINGS);

        assertEquals("能便宜点吗", respelling.text());
        assertFalse(respelling.changed());
        assertEquals(3, respelling.sourceOffset(3));
    }

    @Test
    void anEmptySpellingMatchesNothing() {
        assertEquals("木有货", Respelling.of("木有货", ordered("", "x")).text());
    }

    private static Map<String, String> ordered(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
