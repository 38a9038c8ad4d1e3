package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shopkb.KnowledgeBase;
import shopkb.editing.HistoryStore;
import shopkb.server.cli.ShopCommand;
import shopkb.shops.DataLayout;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/**
 * Two servers over one real OpenSearch node serve the same shop: the cluster is the home of its content and history, so
 * whatever one server accepts the other serves, the editing guarantees hold across them, and a third server with an
 * empty data folder serves it all.
 */
class ServersOverOneClusterIT extends TwoServersOverOneNode {

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void anEntryCreatedThroughOneServerIsServedAndSearchedThroughTheOther() throws Exception {
        var created = a.send("POST", "/api/entries", a.editorToken, null, phrasing("phr.jitu", "亲,我们也可以发极兔快递哦"));
        assertEquals(201, created.status());

        TestServer.Reply onB = awaitStatus(b, "/api/entries/phr.jitu", 200);
        assertTrue(onB.json().get("text").asText().contains("极兔"), onB.json().toString());
        assertEquals(created.etag(), onB.etag(), "the same entry has the same version tag on every server");
        var found = b.get("/api/search?q=" + URLEncoder.encode("极兔", StandardCharsets.UTF_8)).json().get("results");
        assertEquals("phr.jitu", found.get(0).get("id").asText());
    }

    @Test
    void twoEditorsOnTwoServersWithTheSameEtagOneWinsTheOtherGets412() throws Exception {
        String id = "faq.shipping.carriers";
        TestServer.Reply readOnA = a.get("/api/entries/" + id);
        TestServer.Reply readOnB = b.get("/api/entries/" + id);
        assertEquals(readOnA.etag(), readOnB.etag());
        String onA = readOnA.json().toString().replace("申通", "韵达");
        String onB = readOnB.json().toString().replace("申通", "中通");

        TestServer.Reply first = a.send("PUT", "/api/entries/" + id, a.editorToken, readOnA.etag(), onA);
        TestServer.Reply second = b.send("PUT", "/api/entries/" + id, b.editorToken, readOnB.etag(), onB);

        assertEquals(200, first.status(), first.json().toString());
        assertEquals(412, second.status(), "server B had not yet taken in A's save; the cluster refused B's: " + second.json());
        assertEquals(first.etag(), second.json().get("conflict").get("currentEtag").asText());
        assertEquals("alice-a", second.json().get("conflict").get("changedBy").asText());
        TestServer.Reply afterOnB = b.get("/api/entries/" + id);
        assertTrue(afterOnB.json().get("answer").asText().contains("韵达"), "B serves A's save after the 412");
        assertFalse(afterOnB.json().get("answer").asText().contains("中通"));
        var history = b.get("/api/entries/" + id + "/history").json();
        assertTrue(history.toString().contains("韵达"), "B lists the change A made: " + history);
    }

    @Test
    void twoServersCreatingTheSameIdAtOnceGiveOne201AndOne409() throws Exception {
        String body = phrasing("phr.race", "亲,同一个编号只能有一条哦");
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> onA = () -> a.send("POST", "/api/entries", a.editorToken, null, body).status();
            Callable<Integer> onB = () -> b.send("POST", "/api/entries", b.editorToken, null, body).status();
            Future<Integer> fromA = pool.submit(onA);
            Future<Integer> fromB = pool.submit(onB);
            List<Integer> statuses = List.of(fromA.get(), fromB.get()).stream().sorted().toList();
            assertEquals(List.of(201, 409), statuses);
        }
    }

    @Test
    void aDeleteThroughOneServerIsGoneFromTheOther() throws Exception {
        var created = a.send("POST", "/api/entries", a.editorToken, null, phrasing("phr.gone", "亲,这条马上删除"));
        assertEquals(201, created.status());
        TestServer.Reply onB = awaitStatus(b, "/api/entries/phr.gone", 200);
        assertEquals(204, b.send("DELETE", "/api/entries/phr.gone", b.editorToken, onB.etag(), (String) null).status());
        awaitStatus(a, "/api/entries/phr.gone", 404);
        var again = a.send("POST", "/api/entries", a.editorToken, null, phrasing("phr.gone", "亲,这条又回来了"));
        assertEquals(201, again.status(), "a deleted id can be created again on another server: " + again.json());
    }

    @Test
    void aServerWithAnEmptyDataFolderServesEverythingTheOthersAccepted() throws Exception {
        var created = b.send("POST", "/api/entries", b.editorToken, null, phrasing("phr.fresh", "亲,新服务器也能看到这条"));
        assertEquals(201, created.status());
        Path dir = work.resolve("c");
        try (var c = new TestServer(dir, engine)) {
            TestServer.Reply onC = c.get("/api/entries/phr.fresh");
            assertEquals(200, onC.status(), "served at once: a new server pulls the whole shop as it opens");
            assertEquals(created.etag(), onC.etag());
            assertTrue(Files.exists(dir.resolve("data").resolve("cluster-mirror/content/phrasing/phr.fresh.yaml")));
            assertFalse(Files.exists(c.content.resolve("phrasing/phr.fresh.yaml")),
                    "a server's own content folder is not written: the cluster is the home");
        }
    }

    @Test
    void aTokenAddedOnOneServerWorksOnTheOtherAndARevokedOneStopsWorkingThere() throws Exception {
        String token = a.token("carol", shopkb.server.auth.Role.EDITOR);
        long deadline = System.nanoTime() + SPREAD.toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = b.send("GET", "/api/whoami", token, null, (String) null).status();
            Thread.sleep(status == 200 ? 0 : 50);
        }
        assertEquals("carol", b.send("GET", "/api/whoami", token, null, (String) null).json().get("name").asText());

        assertTrue(b.server().tokens().revoke("carol"));
        deadline = System.nanoTime() + SPREAD.toNanos();
        while (!a.send("GET", "/api/whoami", token, null, (String) null).json().path("name").asText().isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("", a.send("GET", "/api/whoami", token, null, (String) null).json().path("name").asText(),
                "revoked on B, refused on A");
    }

    @Test
    void aSaveTheClusterBlocksIsA503ToTryAgainNotA500() throws Exception {
        var client = shopkb.opensearch.engine.ClusterClient.of(engine.opensearch());
        String blocks = "/shopkb-files.default/_settings";
        TestServer.Reply read = a.get("/api/entries/faq.product.care");
        String edited = read.json().toString().replace("\"answer\":\"", "\"answer\":\"写保护时改的。");
        assertTrue(client.put(blocks, JSON.readTree("{\"index.blocks.write\": true}")).ok());
        TestServer.Reply blocked;
        try {
            blocked = a.send("PUT", "/api/entries/faq.product.care", a.editorToken, read.etag(), edited);
        } finally {
            assertTrue(client.put(blocks, JSON.readTree("{\"index.blocks.write\": false}")).ok());
        }

        assertEquals(503, blocked.status(), blocked.json().toString());
        assertEquals("engine_unavailable", blocked.json().get("error").asText());
        assertEquals(200, a.send("PUT", "/api/entries/faq.product.care", a.editorToken, read.etag(), edited).status(),
                "the same save goes through once the block is lifted");
    }

    @Test
    void searchesAndFeedbackOnEitherServerAreInEveryServersInsightAndLearning() throws Exception {
        long before = settledSearches();
        String onA = a.get("/api/search?q=" + URLEncoder.encode("你们发什么快递", StandardCharsets.UTF_8)).json()
                .get("queryId").asText();
        b.get("/api/search?q=" + URLEncoder.encode("包邮吗", StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + SPREAD.toNanos();
        TestServer.Reply feedbackOnB = b.post("/api/feedback", "{\"queryId\":\"" + onA
                + "\",\"resultId\":\"phr.shipping.carriers\",\"action\":\"copied\"}");
        while (feedbackOnB.status() != 202 && System.nanoTime() < deadline) {
            Thread.sleep(100); // B knows A's search once it has taken in A's log
            feedbackOnB = b.post("/api/feedback", "{\"queryId\":\"" + onA
                    + "\",\"resultId\":\"phr.shipping.carriers\",\"action\":\"copied\"}");
        }
        assertEquals(202, feedbackOnB.status(), "feedback on B about a search A answered: " + feedbackOnB.json());

        awaitInsight(a, before + 2);
        awaitInsight(b, before + 2);
        try (var fresh = new TestServer(work.resolve("usage-fresh"), engine)) {
            JsonNode insight = awaitInsight(fresh, before + 2);
            assertTrue(insight.toString().contains("phr.shipping.carriers"), "the copy made on B: " + insight);
        }
    }

    /** The number of searches both servers count once they agree (earlier tests' searches are taken in by then). */
    private static long settledSearches() throws Exception {
        long deadline = System.nanoTime() + SPREAD.toNanos();
        long onA = insight(a).get("searches").asLong();
        long onB = insight(b).get("searches").asLong();
        while (onA != onB && System.nanoTime() < deadline) {
            Thread.sleep(100);
            onA = insight(a).get("searches").asLong();
            onB = insight(b).get("searches").asLong();
        }
        assertEquals(onA, onB, "both servers count the same searches");
        return onA;
    }

    private static JsonNode insight(TestServer server) throws Exception {
        server.usage().flush();
        return server.send("GET", "/api/insight?days=7", server.adminToken, null, (String) null).json();
    }

    /** The server's insight once it counts {@code searches} searches, for up to {@link #SPREAD}. */
    private static JsonNode awaitInsight(TestServer server, long searches) throws Exception {
        long deadline = System.nanoTime() + SPREAD.toNanos();
        JsonNode insight = insight(server);
        while (insight.get("searches").asLong() < searches && System.nanoTime() < deadline) {
            Thread.sleep(100);
            insight = insight(server);
        }
        assertEquals(searches, insight.get("searches").asLong(), "searches logged on either server, as this one counts them");
        return insight;
    }

    @Test
    void aShopMovesIntoTheClusterAndBackWithEveryEditAndItsHistory() throws Exception {
        Path dir = work.resolve("mover");
        var server = new TestServer(dir, engine); // a running server finds a shop added beside it on its next request
        Path content = server.content;
        var catalog = new ShopCatalog(new DataLayout(dir.resolve("data")), content);
        var shop = new ShopName("moved");
        catalog.create(shop, "搬家店", ShopName.DEFAULT);
        new HistoryStore(catalog.folders(shop).history()).append("faq.product.care", "carol", "update", "earlier", null);
        var config = new ServerConfig("127.0.0.1", 0, content, dir.resolve("data"), Path.of("..", "web", "public"), false,
                UsageLog.Settings.defaults(), false, dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE, engine);
        var out = new ByteArrayOutputStream();

        ShopCommand.run(List.of("move", "moved"), Map.of("to", "opensearch"), config, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("files written"), out.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> ShopCommand.run(List.of("move", "moved"), Map.of("to", "opensearch"),
                config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), "moving in twice is refused");

        String edited;
        try (server) {
            TestServer.Reply read = server.get("/api/shops/moved/entries/faq.product.care");
            assertEquals(200, read.status());
            edited = read.json().toString().replace("\"answer\":\"", "\"answer\":\"搬进集群后改的。");
            TestServer.Reply saved = server.send("PUT", "/api/shops/moved/entries/faq.product.care", server.adminToken,
                    read.etag(), edited);
            assertEquals(200, saved.status(), saved.json().toString());
        }

        ShopCommand.run(List.of("move", "moved"), Map.of("to", "embedded"), config, new PrintStream(out, true, StandardCharsets.UTF_8));
        Path shopContent = catalog.folders(shop).content();
        assertTrue(Files.readString(shopContent.resolve("faq/faq.product.care.yaml")).contains("搬进集群后改的"),
                "the edit made in the cluster is in the shop's own YAML file");
        List<String> history = Files.readAllLines(catalog.folders(shop).history().resolve("faq.product.care.jsonl"));
        assertEquals(2, history.size(), "the history from before the move and the edit in the cluster: " + history);
        assertTrue(history.get(0).contains("carol") && history.get(1).contains("搬进集群后改的"));
        try (var embedded = KnowledgeBase.open(shopContent, catalog.folders(shop).data())) {
            assertTrue(embedded.entry("faq.product.care").orElseThrow().toString().contains("搬进集群后改的"));
        }
    }

    /** Asks until the answer has {@code status}, for up to {@link #SPREAD}. */
    private static TestServer.Reply awaitStatus(TestServer server, String path, int status) throws Exception {
        long deadline = System.nanoTime() + SPREAD.toNanos();
        TestServer.Reply reply = server.get(path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reply = server.get(path);
        }
        assertEquals(status, reply.status(), path + " on the other server within " + SPREAD.toSeconds() + " s");
        return reply;
    }

    private static String phrasing(String id, String text) {
        return """
                {"type": "phrasing", "id": "%s", "intent": "shipping.carriers", "scenario": "物流",
                 "title": "%s", "text": "%s"}""".formatted(id, id, text);
    }
}
