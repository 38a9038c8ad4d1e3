package shopkb.analysis;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * After each clothing size (175, 185, xl, l码), adds the class token {@value #SIZE}, so a message naming any
 * size ("180的还有没有") matches questions that name another one ("175的还有吗").
 */
final class SizeClassFilter extends TokenFilter {

    /** The class token; not a word any text contains. */
    public static final String SIZE = "_size_";
    private static final Pattern SIZE_TOKEN = Pattern.compile("1[4-9]\\d|[2-4]?x{1,3}l|[sml]|(1[4-9]\\d|[2-4]?x{1,3}l|[sml])[码号]");

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
    private State pending;

    SizeClassFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            termAtt.setEmpty().append(SIZE);
            posAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (SIZE_TOKEN.matcher(termAtt).matches()) {
            pending = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
