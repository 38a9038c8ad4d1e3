package shopkb.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * smartcn segmentation that keeps the shop's domain words whole. smartcn has no user dictionary and
 * splits shop words (包邮 → 包|邮, 七匹狼 → 七|匹|狼); here the longest lexicon word at each position is
 * taken as one token, and the stretches between lexicon words go to smartcn. A lexicon word is followed by
 * smartcn's parts of it (质量问题 → 质量问题, 质量, 问题), so that text which writes the parts apart
 * (质量有问题) still matches them.
 */
final class LexiconTokenizer extends Tokenizer {

    private record Token(String text, int start, int end) {
    }

    private final Supplier<Set<String>> lexicon;
    private final HMMChineseTokenizer smartcn = new HMMChineseTokenizer();
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int length;

    LexiconTokenizer(Supplier<Set<String>> lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = ReaderText.readAll(input);
        length = text.length();
        tokens.clear();
        next = 0;
        segment(text, lexicon.get());
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(next++);
        termAtt.setEmpty().append(token.text());
        offsetAtt.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offsetAtt.setOffset(last, last);
    }

    private void segment(String text, Set<String> words) throws IOException {
        int gapStart = 0;
        int i = 0;
        while (i < text.length()) {
            int match = words.isEmpty() ? 0 : longestWordAt(text, i, words);
            if (match > 0) {
                smartcn(text, gapStart, i);
                tokens.add(new Token(text.substring(i, i + match), i, i + match));
                int wordEnd = tokens.size();
                smartcn(text, i, i + match);
                if (tokens.size() == wordEnd + 1) {
                    tokens.removeLast(); // smartcn kept it whole too: no parts to add
                }
                i += match;
                gapStart = i;
            } else {
                i++;
            }
        }
        smartcn(text, gapStart, text.length());
    }

    private static int longestWordAt(String text, int at, Set<String> words) {
        for (int len = Math.min(Vocabulary.MAX_WORD_CHARS, text.length() - at); len >= 2; len--) {
            if (words.contains(text.substring(at, at + len))) {
                return len;
            }
        }
        return 0;
    }

    private void smartcn(String text, int from, int to) throws IOException {
        if (from >= to) {
            return;
        }
        smartcn.setReader(new StringReader(text.substring(from, to)));
        smartcn.reset();
        CharTermAttribute term = smartcn.getAttribute(CharTermAttribute.class);
        OffsetAttribute offset = smartcn.getAttribute(OffsetAttribute.class);
        while (smartcn.incrementToken()) {
            tokens.add(new Token(term.toString(), from + offset.startOffset(), from + offset.endOffset()));
        }
        smartcn.end();
        smartcn.close();
    }
}
