package shopkb.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * BERT's tokenizer as the model's {@code tokenizer.json} describes it: BertNormalizer (control characters removed,
 * spaces around every CJK character, no lower-casing, no accent stripping), BertPreTokenizer (split at whitespace
 * and punctuation) and greedy longest-match WordPiece with {@code ##} continuations.
 *
 * <p>Written here rather than taken from a tokenizer library: the one on Maven Central (DJL's) unpacks a native
 * library into the user's home folder at run time, and this one is a hundred lines whose output is checked against
 * the reference implementation's ids in the tests.
 */
public final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int classify;
    private final int separator;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = id(vocabulary, "[UNK]");
        this.classify = id(vocabulary, "[CLS]");
        this.separator = id(vocabulary, "[SEP]");
    }

    /** Reads the WordPiece vocabulary of a Hugging Face {@code tokenizer.json}. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) {
        try {
            JsonNode model = new ObjectMapper().readTree(json).path("model");
            if (!"WordPiece".equals(model.path("type").asText())) {
                throw new IllegalArgumentException("tokenizer.json: expected a WordPiece model, got " + model.path("type"));
            }
            var vocabulary = new HashMap<String, Integer>();
            model.path("vocab").properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
            return new WordPieceTokenizer(Map.copyOf(vocabulary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        }
    }

    /**
     * Token ids of {@code text} framed by [CLS] and [SEP], at most {@code maxTokens} in all (longer text is cut,
     * as the model reads at most 512 tokens and a buyer's point is nearly always in its first sentences).
     */
    public long[] encode(String text, int maxTokens) {
        long[] ids = new long[Math.max(2, maxTokens)];
        int n = 0;
        ids[n++] = classify;
        int limit = ids.length - 1;
        int wordStart = -1;
        var normalized = normalize(text);
        for (int i = 0; i <= normalized.length() && n < limit; ) {
            int c = i < normalized.length() ? normalized.codePointAt(i) : ' ';
            int width = i < normalized.length() ? Character.charCount(c) : 1;
            boolean space = isWhitespace(c);
            boolean punctuation = !space && isPunctuation(c);
            if (space || punctuation) {
                if (wordStart >= 0) {
                    n = wordPieces(normalized.substring(wordStart, i), ids, n, limit);
                    wordStart = -1;
                }
                if (punctuation && n < limit) {
                    n = wordPieces(normalized.substring(i, i + width), ids, n, limit);
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i += width;
        }
        ids[n++] = separator;
        return java.util.Arrays.copyOf(ids, n);
    }

    /** Appends the word's pieces (or [UNK] when it cannot be split into known pieces); returns the new count. */
    private int wordPieces(String word, long[] ids, int n, int limit) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids[n++] = unknown;
            return n;
        }
        int start = n;
        int from = 0;
        while (from < word.length()) {
            int to = word.length();
            Integer piece = null;
            while (to > from) {
                String candidate = from == 0 ? word.substring(from, to) : CONTINUATION + word.substring(from, to);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                to -= Character.isLowSurrogate(word.charAt(to - 1)) && to - 2 >= from ? 2 : 1;
            }
            if (piece == null) {
                ids[start] = unknown;
                return start + 1;
            }
            if (n < limit) {
                ids[n++] = piece;
            }
            from = to;
        }
        return n;
    }

    /** BertNormalizer: control characters dropped, whitespace made a space, CJK characters spaced apart. */
    private static String normalize(String text) {
        var out = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                out.append(' ');
            } else if (isCjk(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    private static int id(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer.json: the vocabulary has no " + token);
        }
        return id;
    }
}
