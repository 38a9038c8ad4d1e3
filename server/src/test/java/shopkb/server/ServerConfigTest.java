package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsNeedNoFlagsAndBindToLocalhost() {
        ServerConfig config = ServerConfig.from(Map.of(), Map.of());

        assertEquals("127.0.0.1", config.host());
        assertEquals(7070, config.port());
        assertEquals(Path.of("faq-content"), config.contentDir());
        assertEquals(Path.of("data"), config.dataDir());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        ServerConfig config = ServerConfig.from(Map.of("port", "8081"), Map.of("KB_PORT", "9090", "KB_DATA", "/tmp/kb"));

        assertEquals(8081, config.port());
        assertEquals(Path.of("/tmp/kb"), config.dataDir());
    }

    @Test
    void aBadPortFailsAtStartWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(Map.of("port", "seventy"), Map.of()));
        assertEquals("port must be a number, got 'seventy'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(Map.of("port", "70000"), Map.of()));
    }
}
