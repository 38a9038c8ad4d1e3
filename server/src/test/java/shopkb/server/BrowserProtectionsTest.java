package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What protects the pages in a browser, the server on localhost, and the token file. */
class BrowserProtectionsTest {

    @TempDir
    static Path tmp;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Status line and headers (lower-case names) of a GET sent with the given Host header. */
    private static String head(String path, String host) throws IOException {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            return response.substring(0, end).toLowerCase(Locale.ROOT) + "\n\n" + response.substring(end + 4);
        }
    }

    @Test
    void everyPageAndApiResponseCarriesTheBrowserProtectionHeaders() throws Exception {
        for (String path : List.of("/", "/editor.html", "/insight.html", "/agent.js", "/style.css", "/api/health",
                "/api/search?q=%E5%8C%85%E9%82%AE", "/api/no-such-endpoint")) {
            String head = head(path, "127.0.0.1:" + server.port());
            assertTrue(head.contains("content-security-policy: default-src 'self'"), path + ": " + head);
            assertTrue(head.contains("frame-ancestors 'none'"), path);
            assertTrue(head.contains("x-content-type-options: nosniff"), path);
            assertTrue(head.contains("referrer-policy: no-referrer"), path);
        }
    }

    @Test
    void aServerOnLoopbackAnswersOnlyToLocalHostNames() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertTrue(head("/api/health", host + ":" + server.port()).startsWith("http/1.1 200"), host);
        }
        // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 would be same-origin with the API.
        for (String host : List.of("evil.example:" + server.port(), "evil.example", "127.0.0.1.evil.example")) {
            String response = head("/api/health", host);
            assertTrue(response.startsWith("http/1.1 421"), host + ": " + response);
            assertTrue(response.contains("\"where\":\"Host\""), response);
            assertTrue(head("/", host).startsWith("http/1.1 421"), "pages too: " + host);
        }
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnly() throws Exception {
        Path tokens = tmp.resolve("data").resolve("tokens.json");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(tokens));
    }

    /** The policy allows no inline script or style: the pages must not need any. */
    @Test
    void thePagesHaveNoInlineScriptsStylesOrHandlers() throws Exception {
        Pattern inline = Pattern.compile("(?i)\\sstyle=|\\son[a-z]+=|<script(?![^>]*\\bsrc=)[^>]*>|<style|javascript:");
        try (var files = Files.list(Path.of("..", "web", "public"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var found = inline.matcher(Files.readString(file));
                assertFalse(found.find(), file + " has " + (found.hitEnd() ? "" : found.group()));
            }
        }
        try (var files = Files.list(Path.of("..", "web", "public"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String js = Files.readString(file);
                assertFalse(js.contains("setAttribute('style'") || js.contains("eval(") || js.contains("new Function("), file.toString());
            }
        }
    }
}
