package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.semantic.MeaningModel;

/** A server whose sentence model cannot load still starts, searches by words, and says so in its health. */
class MeaningFallbackApiTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheModelTheServerSearchesByWordsAndHealthSaysWhy() throws Exception {
        MeaningModel missing = MeaningModel.loadFrom("/no-such-model.onnx", "/no-such-tokenizer.json");
        try (TestServer server = new TestServer(dir, missing)) {
            JsonNode meaning = server.get("/api/health").json().get("meaning");
            assertEquals("unavailable", meaning.get("status").asText());
            assertTrue(meaning.get("detail").asText().contains("words only"), meaning.toString());
            JsonNode result = server.get("/api/search?q=%E5%8C%85%E9%82%AE%E5%90%97").json().get("results").get(0);
            assertEquals("faq.shipping.free-shipping", result.get("id").asText());
            assertEquals("[\"words\"]", result.get("matchedBy").toString());
        }
    }
}
