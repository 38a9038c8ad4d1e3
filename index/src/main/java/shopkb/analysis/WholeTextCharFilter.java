package shopkb.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * A char filter that reads its whole (short, analysed) input once and serves a rewritten copy; the rewrite records
 * its offset corrections with {@link #addOffCorrectMap}.
 */
abstract class WholeTextCharFilter extends BaseCharFilter {

    private String output;
    private int position;

    WholeTextCharFilter(Reader in) {
        super(in);
    }

    /** The rewritten text; called once, before the first read. */
    abstract String rewrite(String original);

    @Override
    public final int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) {
            output = rewrite(ReaderText.readAll(input));
        }
        if (position >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - position);
        output.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }
}
