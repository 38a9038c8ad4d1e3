package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.server.auth.Role;
import shopkb.server.auth.TokenStore;

/** Reading is open by default, writing needs an editor token; tokens are stored hashed. */
class AccessApiTest {

    @TempDir
    Path tmp;

    private static final String ENTRY = """
            {"type": "phrasing", "id": "phr.t", "scenario": "物流", "title": "t", "text": "亲,好的哦"}""";

    @Test
    void writesNeedAnEditorToken401WithoutOrWithABadOne403ForAReader() throws Exception {
        try (var server = new TestServer(tmp)) {
            assertEquals(401, server.send("POST", "/api/entries", null, null, ENTRY).status());
            assertEquals(401, server.send("POST", "/api/entries", "kb_not-a-token", null, ENTRY).status());
            TestServer.Reply reader = server.send("POST", "/api/entries", server.readerToken, null, ENTRY);
            assertEquals(403, reader.status());
            assertEquals("forbidden", reader.json().get("error").asText());
            assertEquals(201, server.send("POST", "/api/entries", server.editorToken, null, ENTRY).status());
        }
    }

    @Test
    void readingIsOpenByDefaultAndCanBeMadeToNeedAToken() throws Exception {
        try (var open = new TestServer(tmp.resolve("open"))) {
            assertEquals(200, open.get("/api/search?q=x").status());
        }
        try (var closed = new TestServer(tmp.resolve("closed"), true)) {
            assertEquals(401, closed.get("/api/search?q=x").status());
            assertEquals(401, closed.get("/api/entries/faq.shipping.carriers").status());
            assertEquals(200, closed.send("GET", "/api/search?q=x", closed.readerToken, null, (String) null).status());
            assertEquals(200, closed.get("/api/health").status());
        }
    }

    @Test
    void tokensAreStoredOnlyAsHashesAndRevokedTokensStopWorking() throws Exception {
        Path file = tmp.resolve("tokens.json");
        TokenStore store = TokenStore.open(file);
        String token = store.add("carol", Role.EDITOR);

        assertFalse(Files.readString(file).contains(token));
        assertEquals("carol", store.authenticate(token).orElseThrow().name());
        assertTrue(store.authenticate(token + "x").isEmpty());

        TokenStore.open(file).revoke("carol");
        assertTrue(store.authenticate(token).isEmpty(), "a running server sees the revocation made by ./kb token revoke");
    }

    @Test
    void theFirstStartCreatesOneAdminTokenAndOnlyOnce() {
        TokenStore store = TokenStore.open(tmp.resolve("tokens.json"));

        String first = TokenStore.ensureFirstAdmin(store).orElseThrow();
        assertEquals(Role.ADMIN, store.authenticate(first).orElseThrow().role());
        assertTrue(TokenStore.ensureFirstAdmin(store).isEmpty());
    }
}
