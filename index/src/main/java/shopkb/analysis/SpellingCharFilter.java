package shopkb.analysis;

import java.io.Reader;

/**
 * Rewrites the vocabulary's internet spellings inside an analyzer (see {@link Respelling}); offsets are corrected
 * to the text before the rewrite, which changes lengths (啥 → 什么).
 */
final class SpellingCharFilter extends WholeTextCharFilter {

    private final Vocabulary vocabulary;

    SpellingCharFilter(Reader in, Vocabulary vocabulary) {
        super(in);
        this.vocabulary = vocabulary;
    }

    @Override
    String rewrite(String original) {
        Respelling respelling = Respelling.of(original, vocabulary.spellings());
        if (respelling.changed()) {
            int lastDiff = 0;
            for (int offset = 0; offset <= respelling.text().length(); offset++) {
                int diff = respelling.sourceOffset(offset) - offset;
                if (diff != lastDiff) {
                    addOffCorrectMap(offset, diff);
                    lastDiff = diff;
                }
            }
        }
        return respelling.text();
    }
}
