package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchApiTest {

    @TempDir
    static Path data;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertJsonError(TestServer.Reply reply, int status, String where) {
        assertEquals(status, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertFalse(reply.json().path("error").asText().isEmpty());
        assertFalse(reply.json().path("message").asText().isEmpty());
        if (where != null) {
            assertEquals(where, reply.json().path("where").asText());
        }
    }

    @Test
    void searchReturnsRankedResultsInTheDocumentedShape() throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=" + q("你们发什么快递") + "&limit=3");

        assertEquals(200, reply.status());
        JsonNode body = reply.json();
        assertEquals("你们发什么快递", body.get("query").asText());
        assertTrue(body.get("tookMs").isNumber());
        assertTrue(body.get("total").asInt() >= 1);
        assertTrue(body.get("confident").asBoolean());
        JsonNode top = body.get("results").get(0);
        assertEquals("faq.shipping.carriers", top.get("id").asText());
        assertEquals("faq", top.get("type").asText());
        assertEquals("shipping.carriers", top.get("intent").asText());
        assertTrue(top.get("snippet").asText().contains("<mark>"));
        assertTrue(top.get("score").isNumber());
        assertTrue(top.get("answer").asText().contains("申通"));
        assertEquals("phr.shipping.carriers", top.get("phrasingIds").get(0).asText());
        assertTrue(body.get("results").size() <= 3);
    }

    @Test
    void theAnswersRecommendedPhrasingsComeWithTheirTextsInTheSameResponse() throws Exception {
        JsonNode recommended = server.get("/api/search?q=" + q("你们发什么快递")).json().get("recommended");

        assertEquals(1, recommended.size());
        assertEquals("phr.shipping.carriers", recommended.get(0).get("id").asText());
        assertEquals("默认快递", recommended.get(0).get("title").asText());
        assertEquals("亲,我们默认发申通、圆通、E邮宝哦!", recommended.get(0).get("text").asText());
        assertEquals("/kd", recommended.get(0).get("shortcut").asText());
    }

    @Test
    void productResultsCarryTheirSizeAdviceAndCare() throws Exception {
        JsonNode product = server.get("/api/search?q=" + q("纯棉T恤") + "&type=product").json().get("results").get(0);

        assertEquals("100%纯棉", product.get("attributes").get("面料").asText());
        assertTrue(product.get("sizeAdvice").asText().contains("XL"));
        assertTrue(product.get("care").asText().contains("手洗"));
    }

    @Test
    void typeFilterReturnsPhrasingsWithTheirText() throws Exception {
        JsonNode results = server.get("/api/search?q=" + q("快递") + "&type=phrasing").json().get("results");

        assertEquals("phrasing", results.get(0).get("type").asText());
        assertTrue(results.get(0).get("text").asText().contains("申通"));
    }

    @Test
    void missingOrEmptyQueryIsA400SayingWhere() throws Exception {
        assertJsonError(server.get("/api/search"), 400, "q");
        assertJsonError(server.get("/api/search?q=%20%20"), 400, "q");
    }

    @Test
    void messagesOverTheCapAreRefusedWithAClearError() throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=" + q("包邮".repeat(3000)));

        assertJsonError(reply, 400, "q");
        assertTrue(reply.json().get("message").asText().contains("5000"));
    }

    @Test
    void a50KilobytePasteInTheUrlGetsAJsonErrorNotAnHtmlPage() throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=" + q("这件衣服质量太差了".repeat(2000)));

        assertJsonError(reply, 414, null);
    }

    @Test
    void longMessagesCanBePostedAsJson() throws Exception {
        String paste = "亲,你好,在吗?我上周买的衣服,".repeat(20) + "到现在还没收到货,快递怎么这么慢";
        TestServer.Reply reply = server.post("/api/search", "{\"q\": \"" + paste + "\", \"limit\": 3}");

        assertEquals(200, reply.status());
        assertEquals(3, reply.json().get("results").size());
    }

    @Test
    void malformedJsonBodiesAre400SayingWhere() throws Exception {
        assertJsonError(server.post("/api/search", "{\"q\": "), 400, "body");
        assertJsonError(server.post("/api/search", "{\"q\": {\"nested\": true}}"), 400, "q");
        assertJsonError(server.post("/api/search", "{\"q\": \"包邮\", \"colour\": 1}"), 400, null);
        assertJsonError(server.post("/api/search", ""), 400, "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-3", "ten", "1e3"})
    void badLimitsAre400(String limit) throws Exception {
        assertJsonError(server.get("/api/search?q=" + q("包邮") + "&limit=" + q(limit)), 400, "limit");
    }

    @Test
    void unknownTypeOrProductCodeIs400() throws Exception {
        assertJsonError(server.get("/api/search?q=" + q("包邮") + "&type=video"), 400, "type");
        assertJsonError(server.get("/api/search?q=" + q("包邮") + "&product=" + q("../etc")), 400, "product");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:包邮 AND (顺丰 OR *)", "\"", "*:*", "包邮~2^10", "😀😀😀", "\\", "[1 TO 2]", "?"})
    void buyerTextIsNeverQuerySyntaxAndNeverA500(String text) throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=" + q(text));

        assertEquals(200, reply.status());
        assertTrue(reply.json().get("results").isArray());
    }

    @Test
    void invalidPercentEncodingIsAJsonClientError() throws Exception {
        TestServer.Reply reply = server.get("/api/search?q=%E5%8C%85%FF%FE");

        assertTrue(reply.status() == 200 || reply.status() == 400, "status " + reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    }

    @Test
    void entriesAreServedWholeById() throws Exception {
        TestServer.Reply reply = server.get("/api/entries/policy.shipping");

        assertEquals(200, reply.status());
        assertEquals("policy", reply.json().get("type").asText());
        assertEquals(2, reply.json().get("sections").size());
    }

    @Test
    void unknownEntryIsA404Json() throws Exception {
        assertJsonError(server.get("/api/entries/no.such.entry"), 404, null);
    }

    @Test
    void unknownApiPathIsA404Json() throws Exception {
        assertJsonError(server.get("/api/nothing-here"), 404, null);
    }

    @Test
    void healthReportsLoadedAndInvalidEntries() throws Exception {
        JsonNode health = server.get("/api/health").json();

        assertEquals("ok", health.get("status").asText());
        assertEquals(9, health.get("entries").asInt());
        assertEquals(0, health.get("invalid").asInt());
        assertTrue(health.get("indexAgeSeconds").asLong() >= 0);
    }

    @Test
    void theSearchPageIsServedAtRoot() throws Exception {
        var reply = server.get("/");

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
    }
}
