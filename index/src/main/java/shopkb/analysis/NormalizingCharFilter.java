package shopkb.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Applies {@link TextNormalizer} inside an analyzer, so no caller can forget it. Offsets are corrected
 * for removed pinyin residue; every other fold keeps the length.
 */
final class NormalizingCharFilter extends BaseCharFilter {

    private String output;
    private int position;

    NormalizingCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) {
            output = normalize(ReaderText.readAll(input));
        }
        if (position >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - position);
        output.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }

    private String normalize(String original) {
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
