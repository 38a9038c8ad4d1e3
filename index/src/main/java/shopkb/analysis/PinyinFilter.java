package shopkb.analysis;

import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces each single Han character token with its toneless pinyin (包 → bao), so that homophone typos
 * from pinyin input methods (包游 for 包邮, 退宽 for 退款) still match. The reading comes from ICU's Han-Latin
 * transliterator; a character with several readings always gets the same one, on both sides of the match.
 */
final class PinyinFilter extends TokenFilter {

    private static final Transliterator HAN_TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final ConcurrentHashMap<Character, String> CACHE = new ConcurrentHashMap<>();

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    PinyinFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (termAtt.length() == 1 && Character.UnicodeScript.of(termAtt.charAt(0)) == Character.UnicodeScript.HAN) {
            String pinyin = pinyin(termAtt.charAt(0));
            termAtt.setEmpty().append(pinyin);
        }
        return true;
    }

    static String pinyin(char han) {
        return CACHE.computeIfAbsent(han, c -> {
            synchronized (HAN_TO_PINYIN) {
                return HAN_TO_PINYIN.transliterate(String.valueOf(c)).replace(" ", "");
            }
        });
    }
}
