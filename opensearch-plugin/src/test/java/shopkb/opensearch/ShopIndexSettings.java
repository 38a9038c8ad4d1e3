package shopkb.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A shop's vocabulary files as the index settings the plugin reads, as the tests give them to nodes. */
final class ShopIndexSettings {

    private ShopIndexSettings() {
    }

    /** {@code index.shopkb.synonyms}, {@code .spellings} and {@code .words}: the lines of {@code content/vocabulary}. */
    static Map<String, List<String>> vocabulary(Path content) throws IOException {
        return Map.of(
                "index.shopkb.synonyms", lines(content, "synonyms.txt"),
                "index.shopkb.spellings", lines(content, "spellings.txt"),
                "index.shopkb.words", lines(content, "words.txt"));
    }

    private static List<String> lines(Path content, String file) throws IOException {
        return Files.readAllLines(content.resolve("vocabulary").resolve(file), StandardCharsets.UTF_8);
    }
}
