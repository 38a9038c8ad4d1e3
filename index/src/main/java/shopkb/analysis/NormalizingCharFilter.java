package shopkb.analysis;

import java.io.Reader;
import java.util.regex.Matcher;

/**
 * Applies {@link TextNormalizer} inside an analyzer, so no caller can forget it. Offsets are corrected
 * for removed pinyin residue; every other fold keeps the length.
 */
final class NormalizingCharFilter extends WholeTextCharFilter {

    NormalizingCharFilter(Reader in) {
        super(in);
    }

    @Override
    String rewrite(String original) {
        Matcher residue = TextNormalizer.pinyinResidue(original);
        var cleaned = new StringBuilder(original.length());
        int copiedUpTo = 0;
        int removed = 0;
        while (residue.find()) {
            cleaned.append(original, copiedUpTo, residue.start());
            removed += residue.end() - residue.start();
            copiedUpTo = residue.end();
            addOffCorrectMap(cleaned.length(), removed);
        }
        cleaned.append(original, copiedUpTo, original.length());
        return TextNormalizer.fold(cleaned);
    }
}
