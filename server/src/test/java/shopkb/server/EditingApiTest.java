package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editors change content through the API: validated, versioned, durable, searchable at once, with history. */
class EditingApiTest {

    @TempDir
    Path tmp;
    private TestServer server;

    private static final String NEW_PHRASING = """
            {"type": "phrasing", "id": "phr.jitu", "intent": "shipping.carriers", "scenario": "物流",
             "title": "极兔快递", "text": "亲,我们也可以发极兔快递哦,我是{客服昵称}"}""";

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TestServer.Reply search(String text) throws Exception {
        return server.get("/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Test
    void aCreatedEntryIsOnDiskAndSearchableWithinOneSecondOfThe201() throws Exception {
        TestServer.Reply created = server.send("POST", "/api/entries", server.editorToken, null, NEW_PHRASING);
        long at = System.nanoTime();

        assertEquals(201, created.status());
        assertNotNull(created.etag());
        assertTrue(Files.readString(server.content.resolve("phrasing/phr.jitu.yaml")).contains("极兔快递"));
        String topId = "";
        while (!topId.equals("phr.jitu") && System.nanoTime() - at < 1_000_000_000L) {
            var results = search("极兔").json().get("results");
            topId = results.isEmpty() ? "" : results.get(0).get("id").asText();
        }
        assertEquals("phr.jitu", topId);
    }

    @Test
    void updateWithTheCurrentEtagSucceedsAndAStaleEtagGets412SayingWhoChangedIt() throws Exception {
        TestServer.Reply read = server.get("/api/entries/faq.shipping.carriers");
        String etag = read.etag();
        String body = read.json().toString().replace("申通、圆通、E邮宝", "申通、圆通、韵达");

        TestServer.Reply first = server.send("PUT", "/api/entries/faq.shipping.carriers", server.editorToken, etag, body);
        assertEquals(200, first.status());
        assertNotEquals(etag, first.etag());
        assertTrue(Files.readString(server.content.resolve("faq/faq.shipping.carriers.yaml")).contains("韵达"));

        String colleagues = read.json().toString().replace("申通、圆通、E邮宝", "只发顺丰");
        TestServer.Reply stale = server.send("PUT", "/api/entries/faq.shipping.carriers", server.editorToken, etag, colleagues);
        assertEquals(412, stale.status());
        assertEquals("version_conflict", stale.json().get("error").asText());
        assertEquals("alice", stale.json().get("conflict").get("changedBy").asText());
        assertEquals(first.etag(), stale.json().get("conflict").get("currentEtag").asText());
        assertTrue(Files.readString(server.content.resolve("faq/faq.shipping.carriers.yaml")).contains("韵达"));
    }

    @Test
    void updateAndDeleteWithoutIfMatchAre428() throws Exception {
        String body = server.get("/api/entries/faq.shipping.carriers").json().toString();

        assertEquals(428, server.send("PUT", "/api/entries/faq.shipping.carriers", server.editorToken, null, body).status());
        assertEquals(428, server.send("DELETE", "/api/entries/faq.shipping.carriers", server.editorToken, null, (String) null).status());
    }

    @Test
    void validationErrorsAre400WithAListOfFieldProblems() throws Exception {
        String bad = """
                {"type": "faq", "id": "faq.bad", "intent": "no.such", "scenario": "物流", "question": "", "answer": "x"}""";

        TestServer.Reply reply = server.send("POST", "/api/entries", server.editorToken, null, bad);

        assertEquals(400, reply.status());
        assertEquals("validation_failed", reply.json().get("error").asText());
        var fields = new java.util.ArrayList<String>();
        reply.json().get("problems").forEach(p -> fields.add(p.get("field").asText()));
        assertEquals(java.util.List.of("intent", "question"), fields);
        assertTrue(Files.notExists(server.content.resolve("faq/faq.bad.yaml")));
    }

    @Test
    void wrongTypesUnknownFieldsAndOverlongFieldsAreRefused() throws Exception {
        assertEquals("similar", server.send("POST", "/api/entries", server.editorToken, null,
                "{\"type\":\"faq\",\"id\":\"faq.x\",\"similar\":\"not a list\"}").json().get("where").asText());
        assertEquals(400, server.send("POST", "/api/entries", server.editorToken, null,
                "{\"type\":\"faq\",\"id\":\"faq.x\",\"colour\":1}").status());
        String longAnswer = "长".repeat(6000);
        TestServer.Reply tooLong = server.send("POST", "/api/entries", server.editorToken, null,
                "{\"type\":\"faq\",\"id\":\"faq.x\",\"intent\":\"shipping.carriers\",\"scenario\":\"物流\",\"question\":\"q\",\"answer\":\"" + longAnswer + "\"}");
        assertEquals("answer", tooLong.json().get("where").asText());
        assertEquals(400, server.send("POST", "/api/entries", server.editorToken, null, "{\"type\":\"video\",\"id\":\"v.x\"}").status());
    }

    @Test
    void creatingAnExistingIdIs409() throws Exception {
        assertEquals(201, server.send("POST", "/api/entries", server.editorToken, null, NEW_PHRASING).status());
        assertEquals(409, server.send("POST", "/api/entries", server.editorToken, null, NEW_PHRASING).status());
    }

    @Test
    void deleteRemovesTheFileAndTheSearchResult() throws Exception {
        String etag = server.get("/api/entries/phr.shipping.carriers").etag();

        assertEquals(204, server.send("DELETE", "/api/entries/phr.shipping.carriers", server.editorToken, etag, (String) null).status());
        assertTrue(Files.notExists(server.content.resolve("phrasing/phr.shipping.carriers.yaml")));
        assertEquals(404, server.get("/api/entries/phr.shipping.carriers").status());
        search("发什么快递").json().get("results").forEach(r -> assertNotEquals("phr.shipping.carriers", r.get("id").asText()));
    }

    @Test
    void historyKeepsWhoWhenAndThePreviousVersionAndAnOldVersionCanBeRestored() throws Exception {
        TestServer.Reply read = server.get("/api/entries/faq.shipping.carriers");
        String changed = read.json().toString().replace("申通、圆通、E邮宝", "韵达");
        TestServer.Reply updated = server.send("PUT", "/api/entries/faq.shipping.carriers", server.editorToken, read.etag(), changed);

        var history = server.get("/api/entries/faq.shipping.carriers/history").json();
        assertEquals(1, history.size());
        assertEquals("alice", history.get(0).get("by").asText());
        assertEquals("update", history.get(0).get("action").asText());
        assertTrue(history.get(0).get("previous").asText().contains("E邮宝"));
        assertTrue(history.get(0).get("content").asText().contains("韵达"));
        assertTrue(history.get(0).get("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));

        // Version 1's "previous" is the original; restoring version 1's previous text is restoring the first state.
        TestServer.Reply deleted = server.send("DELETE", "/api/entries/faq.shipping.carriers", server.editorToken, updated.etag(), (String) null);
        assertEquals(204, deleted.status());
        TestServer.Reply restored = server.send("POST", "/api/entries/faq.shipping.carriers/restore", server.editorToken, null,
                "{\"version\": 1}");
        assertEquals(200, restored.status());
        assertTrue(restored.json().get("answer").asText().contains("韵达"));
        assertEquals(3, server.get("/api/entries/faq.shipping.carriers/history").json().size());
        assertEquals("faq.shipping.carriers", search("默认哪家快递").json().get("results").get(0).get("id").asText());
    }

    @Test
    void pathTricksInIdsAreRefused() throws Exception {
        TestServer.Reply traversal = server.get("/api/entries/..%2F..%2Fetc%2Fpasswd");
        assertTrue(traversal.status() == 400 || traversal.status() == 404, "status " + traversal.status());
        assertTrue(traversal.contentType().startsWith("application/json"));
        TestServer.Reply badId = server.send("PUT", "/api/entries/BAD..ID", server.editorToken, "*", "{}");
        assertEquals(400, badId.status());
        assertEquals("id", badId.json().get("where").asText());
    }

    @Test
    void aFileChangedOnDiskByAnotherEditorIsPickedUpWithoutRestart() throws Exception {
        Path file = server.content.resolve("phrasing/phr.shipping.carriers.yaml");
        Files.writeString(file, Files.readString(file).replace("E邮宝", "闪电送达"));

        long deadline = System.currentTimeMillis() + 5000;
        boolean found = false;
        while (!found && System.currentTimeMillis() < deadline) {
            found = server.get("/api/entries/phr.shipping.carriers").json().get("text").asText().contains("闪电送达");
            Thread.sleep(50);
        }
        assertTrue(found);
        assertEquals("phr.shipping.carriers", search("闪电送达").json().get("results").get(0).get("id").asText());
    }

    @Test
    void aBadFileWrittenOnDiskIsReportedNotFatal() throws Exception {
        Files.writeString(server.content.resolve("faq/faq.broken.yaml"), "id: faq.broken\nquestion: [oops\n");

        long deadline = System.currentTimeMillis() + 5000;
        int invalid = 0;
        while (invalid == 0 && System.currentTimeMillis() < deadline) {
            invalid = server.get("/api/health").json().get("invalid").asInt();
            Thread.sleep(50);
        }
        assertEquals(1, invalid);
        assertEquals(200, search("包邮").status());
    }

    @Test
    void aStaleWriteAfterAnOnDiskEditIsRefusedNotSilentlyOverwritten() throws Exception {
        TestServer.Reply read = server.get("/api/entries/phr.shipping.carriers");
        Path file = server.content.resolve("phrasing/phr.shipping.carriers.yaml");
        Files.writeString(file, Files.readString(file).replace("E邮宝", "EMS"));

        TestServer.Reply reply = server.send("PUT", "/api/entries/phr.shipping.carriers", server.editorToken, read.etag(),
                read.json().toString().replace("默认快递", "快递说明"));

        assertEquals(412, reply.status());
        assertTrue(Files.readString(file).contains("EMS"));
    }
}
