package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/health says "degraded", with the problems, whenever something is wrong. */
class HealthApiTest {

    @TempDir
    Path tmp;

    @Test
    void healthyContentIsOk() throws Exception {
        try (var server = new TestServer(tmp)) {
            assertEquals("ok", server.get("/api/health").json().get("status").asText());
        }
    }

    @Test
    void anInvalidFileMakesTheServerDegradedAndIsNamed() throws Exception {
        try (var server = new TestServer(tmp)) {
            Files.writeString(server.content.resolve("phrasing/phr.bad.yaml"), "id: phr.bad\ntitle: 坏\n");
            long deadline = System.nanoTime() + 5_000_000_000L;
            JsonNode health = server.get("/api/health").json();
            while (health.get("invalid").asInt() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                health = server.get("/api/health").json();
            }
            assertEquals("degraded", health.get("status").asText(), health.toString());
            assertTrue(health.get("problems").toString().contains("phrasing/phr.bad.yaml"), health.toString());
        }
    }
}
