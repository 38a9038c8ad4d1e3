package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/check over the real server; rules are content and reload without restart. */
class CheckApiTest {

    @TempDir
    Path tmp;

    @Test
    void aDraftGetsItsFindingsWithSpansAndRulesReloadWithoutRestart() throws Exception {
        try (var server = new TestServer(tmp)) {
            Path rules = server.content.resolve("rules");
            Files.createDirectories(rules);
            Files.writeString(rules.resolve("no-yun.yaml"), """
                    id: no-yun
                    message: 不要用口头禅「晕」
                    patterns: ['晕[,,]?']
                    replacement: ''
                    phrasings: [phr.shipping.carriers]
                    """);
            long deadline = System.currentTimeMillis() + 5000;
            TestServer.Reply reply;
            do {
                Thread.sleep(100);
                reply = server.post("/api/check", "{\"text\": \"晕,发申通\", \"buyerMessage\": \"发什么快递\"}");
            } while (reply.json().get("findings").isEmpty() && System.currentTimeMillis() < deadline);

            assertEquals(200, reply.status());
            var finding = reply.json().get("findings").get(0);
            assertEquals("no-yun", finding.get("rule").asText());
            assertEquals(0, finding.get("start").asInt());
            assertEquals(2, finding.get("end").asInt());
            assertEquals("phr.shipping.carriers", finding.get("phrasingIds").get(0).asText());
        }
    }

    @Test
    void aMissingOrOverlongDraftIsA400() throws Exception {
        try (var server = new TestServer(tmp)) {
            assertEquals("text", server.post("/api/check", "{\"buyerMessage\": \"x\"}").json().get("where").asText());
            String huge = "好".repeat(6000);
            assertEquals(400, server.post("/api/check", "{\"text\": \"" + huge + "\"}").status());
            assertTrue(server.post("/api/check", "{\"text\": \"\"}").json().get("findings").isEmpty());
        }
    }
}
