package shopkb.analysis;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds text before segmentation, identically at index and query time: traditional → simplified
 * characters, full-width → half-width, lower case, and removal of the pinyin residue that
 * copy-pasted documents carry ("服務(wù)" → "服务").
 *
 * <p>{@link #fold} maps one char to one char, so offsets in folded text are offsets in the original:
 * highlighting relies on that. Traditional → simplified comes from ICU's transliterator, applied one
 * character at a time and cached, because a per-call transliteration costs microseconds per character.
 */
public final class TextNormalizer {

    /** A Han character followed by a parenthesised pinyin syllable carrying a tone mark, e.g. 務(wù). */
    private static final Pattern PINYIN_RESIDUE = Pattern.compile(
            "(?<=\\p{IsHan})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]");

    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    /** Folded form per BMP char; 0 means not computed yet. Races only recompute the same value. */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private TextNormalizer() {
    }

    /** Full normalisation: pinyin residue removed, then every char folded. */
    public static String normalize(String text) {
        return fold(removePinyinResidue(text));
    }

    /** Removes pinyin residue only; the one step that changes the length of the text. */
    public static String removePinyinResidue(String text) {
        Matcher matcher = PINYIN_RESIDUE.matcher(text);
        return matcher.find() ? matcher.replaceAll("") : text;
    }

    /** A matcher over the pinyin residue in {@code text}, for callers that must track removed spans. */
    static Matcher pinyinResidue(CharSequence text) {
        return PINYIN_RESIDUE.matcher(text);
    }

    /** Char-by-char fold: same length as the input, so offsets carry over. */
    public static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i));
        }
        return new String(out);
    }

    /**
     * Folds Han characters (traditional → simplified) and letters and digits (full-width → half-width, lower case),
     * and leaves punctuation and spaces as they are: the gentler fold a sentence model reads best, as it was trained
     * on text with full-width punctuation.
     */
    public static String foldLettersAndHan(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            boolean foldable = c < 0x80 || (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                    || (c >= '\uFF41' && c <= '\uFF5A') || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            out[i] = foldable ? fold(c) : c;
        }
        return new String(out);
    }

    public static char fold(char c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        char cached = FOLDED[c];
        if (cached == 0) {
            cached = computeFold(c);
            FOLDED[c] = cached;
        }
        return cached;
    }

    private static char computeFold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return Character.toLowerCase((char) (c - 0xFEE0)); // full-width ASCII
        }
        if (c == '\u3000') {
            return ' ';
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            String simplified;
            synchronized (TRADITIONAL_TO_SIMPLIFIED) {
                simplified = TRADITIONAL_TO_SIMPLIFIED.transliterate(String.valueOf(c));
            }
            return simplified.length() == 1 ? simplified.charAt(0) : c;
        }
        return Character.toLowerCase(c);
    }
}
