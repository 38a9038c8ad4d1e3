package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage log over HTTP: search ids, feedback, the insight report and its CSV, and acting on a gap. */
class InsightApiTest {

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode search(String text) throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertEquals(200, reply.status());
        return reply.json();
    }

    private TestServer.Reply feedback(String queryId, String resultId, String action) throws Exception {
        return server.post("/api/feedback", "{\"queryId\":\"" + queryId + "\",\"resultId\":\"" + resultId
                + "\",\"action\":\"" + action + "\"}");
    }

    private JsonNode insight() throws Exception {
        server.usage().flush();
        TestServer.Reply reply = server.send("GET", "/api/insight?days=7", server.editorToken, null, (byte[]) null);
        assertEquals(200, reply.status());
        return reply.json();
    }

    @Test
    void feedbackOnASearchComesBackInTheInsightAndInRanking() throws Exception {
        JsonNode response = search("发什么快递 13812345678");
        String queryId = response.get("queryId").asText();
        assertEquals(16, queryId.length());
        assertEquals(202, feedback(queryId, "phr.shipping.carriers", "copied").status());
        assertEquals(202, feedback(queryId, "faq.shipping.carriers", "helpful").status());

        JsonNode insight = insight();
        assertEquals(1, insight.get("searches").asInt());
        String example = insight.get("topQueries").get(0).get("example").asText();
        assertFalse(example.contains("13812345678"), "stored masked: " + example);
        JsonNode carriers = null;
        for (JsonNode p : insight.get("phrasingCopyRates")) {
            if (p.get("id").asText().equals("phr.shipping.carriers")) {
                carriers = p;
            }
        }
        assertEquals(1, carriers.get("copied").asInt());
        assertEquals(1, carriers.get("shown").asInt());
        JsonNode health = server.get("/api/health").json().get("usage");
        assertEquals(3, health.get("logged").asInt());
        assertEquals(0, health.get("dropped").asInt());
    }

    @Test
    void feedbackIsValidated() throws Exception {
        String queryId = search("发什么快递").get("queryId").asText();
        TestServer.Reply badAction = feedback(queryId, "phr.shipping.carriers", "liked");
        assertEquals(400, badAction.status());
        assertEquals("action", badAction.json().get("where").asText());
        assertEquals("resultId", feedback(queryId, "no.such.entry", "copied").json().get("where").asText());
        assertEquals("queryId", feedback("../../etc", "phr.shipping.carriers", "copied").json().get("where").asText());
        assertEquals(400, server.post("/api/feedback", "[1,2]").status());
    }

    @Test
    void insightIsForEditorsAndExportsAsCsv() throws Exception {
        search("可以开发票吗");
        server.usage().flush();
        assertEquals(401, server.get("/api/insight").status());
        assertEquals(403, server.send("GET", "/api/insight", server.readerToken, null, (byte[]) null).status());
        assertEquals(400, server.send("GET", "/api/insight?days=0", server.editorToken, null, (byte[]) null).status());
        TestServer.Reply csv = server.send("GET", "/api/insight/gaps.csv?days=7", server.editorToken, null, (byte[]) null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFexample,count,variants,suggested_intent\r\n"), text);
        assertTrue(text.contains("可以开发票吗,1,"), text);
        assertEquals(404, server.send("GET", "/api/insight/secrets.csv", server.editorToken, null, (byte[]) null).status());
    }

    @Test
    void aGapAddedAsSimilarQuestionThenFindsItsIntent() throws Exception {
        String message = "能不能丢洗衣机里转";
        JsonNode before = search(message);
        assertFalse(before.get("confident").asBoolean() && before.get("results").get(0).get("intent").asText().equals("product.care"),
                "the fixture must not answer this yet: " + before);
        JsonNode gaps = insight().get("gaps");
        assertEquals(message, gaps.get(0).get("example").asText());

        TestServer.Reply added = server.send("POST", "/api/insight/add-similar", server.editorToken, null,
                "{\"query\":\"" + message + "\",\"intent\":\"product.care\"}");
        assertEquals(200, added.status(), new String(added.body(), StandardCharsets.UTF_8));
        assertEquals("faq.product.care", added.json().get("id").asText());

        JsonNode after = search(message);
        assertEquals("faq.product.care", after.get("results").get(0).get("id").asText());
        assertTrue(after.get("confident").asBoolean());
        assertTrue(Files.readString(server.content.resolve("faq/faq.product.care.yaml")).contains(message));
        JsonNode history = server.get("/api/entries/faq.product.care/history").json();
        assertEquals("alice", history.get(history.size() - 1).get("by").asText());

        assertEquals(400, server.send("POST", "/api/insight/add-similar", server.editorToken, null,
                "{\"query\":\"电话[手机号]\",\"intent\":\"product.care\"}").status());
        assertEquals(400, server.send("POST", "/api/insight/add-similar", server.editorToken, null,
                "{\"query\":\"x\",\"intent\":\"no.such\"}").status());
        assertNotEquals(200, server.send("POST", "/api/insight/add-similar", server.readerToken, null,
                "{\"query\":\"x\",\"intent\":\"product.care\"}").status());
    }
}
