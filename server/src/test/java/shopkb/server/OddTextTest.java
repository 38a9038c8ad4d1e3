package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that cannot be stored faithfully (lone surrogates, invalid UTF-8, control characters) is refused, naming the field. */
class OddTextTest {

    @TempDir
    Path tmp;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A phrasing whose {@code field} holds {@code jsonText} (already JSON-escaped). */
    private static String phrasing(String field, String jsonText) {
        String title = field.equals("title") ? jsonText : "极兔快递";
        String text = field.equals("text") ? jsonText : "亲,可以发极兔哦";
        String replaces = field.equals("replaces") ? "[\"好的\", \"" + jsonText + "\"]" : "[]";
        return "{\"type\": \"phrasing\", \"id\": \"phr.odd\", \"intent\": \"shipping.carriers\", \"scenario\": \"物流\", "
                + "\"title\": \"" + title + "\", \"text\": \"" + text + "\", \"replaces\": " + replaces + "}";
    }

    private void assertRefused(TestServer.Reply reply, String field) {
        assertEquals(400, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals("validation_failed", reply.json().get("error").asText());
        assertEquals(field, reply.json().get("where").asText(), reply.json().toString());
        assertFalse(Files.exists(server.content.resolve("phrasing/phr.odd.yaml")), "nothing was written");
        assertTrue(server.kb().entry("phr.odd").isEmpty(), "nothing is served");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text     | 极兔\\ud800快递",
            "title    | \\udc00",
            "text     | 亲\\u0000可以",
            "title    | 响铃\\u0007",
            "text     | 删除\\u007f",
            "text     | C1\\u0085控制",
            "replaces[1] | 两行\\n的错误示范"})
    void oddTextInAnyFieldIsRefusedNamingIt(String field, String jsonText) throws Exception {
        String target = field.startsWith("replaces") ? "replaces" : field;
        assertRefused(server.send("POST", "/api/entries", server.editorToken, null, phrasing(target, jsonText)), field);
    }

    @Test
    void invalidUtf8InABodyIsRefusedNamingTheField() throws Exception {
        var body = new ByteArrayOutputStream();
        String[] halves = phrasing("text", "@@").split("@@");
        body.write(halves[0].getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.write(halves[1].getBytes(StandardCharsets.UTF_8));
        assertRefused(server.send("POST", "/api/entries", server.editorToken, null, body.toByteArray()), "text");
    }

    @Test
    void textWithLineBreaksAndTabsWhereTheyBelongIsKeptExactlyOnDiskAndInMemory() throws Exception {
        TestServer.Reply created = server.send("POST", "/api/entries", server.editorToken, null,
                phrasing("text", "第一行\\n第二行\\t制表 😀 \\u2028 ﻿"));
        assertEquals(201, created.status(), new String(created.body(), StandardCharsets.UTF_8));
        var onDisk = shopkb.content.ContentFormat.mapper().readValue(
                Files.readString(server.content.resolve("phrasing/phr.odd.yaml")), shopkb.content.PhrasingEntry.class);
        assertEquals(server.kb().entry("phr.odd").orElseThrow(), onDisk);
    }
}
