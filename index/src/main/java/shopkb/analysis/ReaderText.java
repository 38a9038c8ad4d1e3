package shopkb.analysis;

import java.io.IOException;
import java.io.Reader;

/** Reads a whole (short, analysed) text from a reader; tokenizers here segment whole texts, not streams. */
final class ReaderText {

    private ReaderText() {
    }

    static String readAll(Reader reader) throws IOException {
        var builder = new StringBuilder();
        char[] buffer = new char[1024];
        int n;
        while ((n = reader.read(buffer)) != -1) {
            builder.append(buffer, 0, n);
        }
        return builder.toString();
    }
}
