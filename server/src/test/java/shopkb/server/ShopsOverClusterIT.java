package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shopkb.server.auth.Role;
import shopkb.server.cli.ShopCommand;
import shopkb.shops.DataLayout;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/**
 * Over a cluster, which shops exist is the cluster's: two real servers over one real OpenSearch node, each with its own
 * data folder, see the same shops with the same titles. A shop created through one (or the command line) is served by
 * the other at once, a copy is taken from the cluster's copy of its source, and a shop removed through one is refused by
 * the other within about a second, its files kept in the remover's {@code data/removed/} and its indexes gone.
 */
class ShopsOverClusterIT extends TwoServersOverOneNode {

    /** How long a server may take to close a shop removed through another (it looks every second). */
    static final Duration CLOSES_WITHIN = Duration.ofMillis(2500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aShopCreatedThroughOneServerIsListedAndServedByTheOtherAtOnce() throws Exception {
        var created = a.send("POST", "/api/shops", a.adminToken, null, """
                {"name": "second", "title": "二店"}""");
        assertEquals(201, created.status(), created.json().toString());

        assertEquals("二店", titleOn(b, "second"), "listed by the other server at once, with its title");
        TestServer.Reply search = b.get("/api/shops/second/search?q=" + encode("发什么快递"));
        assertEquals(200, search.status(), "served by the other server at once: " + search.json());
        assertEquals(0, search.json().get("results").size(), "an empty shop");
        assertTrue(Files.isRegularFile(work.resolve("b/data/shops/second/cluster-mirror/shop.json")),
                "the other server's data folder got the shop's mirror as it opened it");
        assertFalse(Files.exists(work.resolve("b/data/shops/second/shop.json")), "the title is the cluster's, not a file of B's");
    }

    @Test
    void anEditOfACopiedShopThroughOneServerIsServedByTheOther() throws Exception {
        var created = b.send("POST", "/api/shops", b.adminToken, null, """
                {"name": "copied", "title": "复制店", "copyOf": "default"}""");
        assertEquals(201, created.status(), created.json().toString());

        TestServer.Reply read = a.get("/api/shops/copied/entries/faq.product.care");
        assertEquals(200, read.status(), "the copy is served by the server that did not make it: " + read.json());
        String edited = read.json().toString().replace("\"answer\":\"", "\"answer\":\"在A上改的。");
        TestServer.Reply saved = a.send("PUT", "/api/shops/copied/entries/faq.product.care", a.adminToken, read.etag(), edited);
        assertEquals(200, saved.status(), saved.json().toString());
        TestServer.Reply onB = awaitAnswer(b, "/api/shops/copied/entries/faq.product.care", "在A上改的");
        assertEquals(saved.etag(), onB.etag());
    }

    @Test
    void aCopyIsTakenFromTheClustersCopyOfTheSourceNotFromAServersFolders() throws Exception {
        String id = "faq.stock.availability";
        TestServer.Reply read = a.get("/api/entries/" + id);
        String edited = read.json().toString().replace("\"answer\":\"", "\"answer\":\"集群里的版本。");
        assertEquals(200, a.send("PUT", "/api/entries/" + id, a.adminToken, read.etag(), edited).status());

        // B copies at once, before it has necessarily taken in A's edit: the source is the cluster's copy.
        var created = b.send("POST", "/api/shops", b.adminToken, null, """
                {"name": "copy-of-edited", "copyOf": "default"}""");
        assertEquals(201, created.status(), created.json().toString());
        for (TestServer server : List.of(b, a)) {
            TestServer.Reply copy = server.get("/api/shops/copy-of-edited/entries/" + id);
            assertEquals(200, copy.status(), copy.json().toString());
            assertTrue(copy.json().get("answer").asText().startsWith("集群里的版本。"), copy.json().toString());
        }
        TestServer.Reply history = a.get("/api/shops/copy-of-edited/entries/" + id + "/history");
        assertEquals(0, history.json().size(), "a copy starts without the source's history: " + history.json());
    }

    /**
     * The shop is set up as it was before the cluster kept the shops (a shop folder on each server, moved into the
     * cluster once), so that the same test shows what it did then: the other server went on serving it.
     */
    @Test
    void aShopRemovedThroughOneServerIsRefusedByTheOtherWithinASecondItsFilesKeptAndItsIndexesGone() throws Exception {
        var gone = new ShopName("gone");
        for (TestServer server : List.of(a, b)) {
            new ShopCatalog(new DataLayout(server.content.resolveSibling("data")), server.content).create(gone, "要删的店",
                    ShopName.DEFAULT);
        }
        shop(config(work.resolve("a")), Map.of("to", EngineConfig.OPENSEARCH), "move", "gone");
        var added = b.send("POST", "/api/shops/gone/entries", b.adminToken, null, phrasing("phr.keep", "亲,这条删店后也要留着"));
        assertEquals(201, added.status(), "B has the shop open and wrote to it: " + added.json());
        assertEquals(200, b.get("/api/shops/gone/search?q=" + encode("能发顺丰吗")).status());
        String agent = b.token("xiaomei-gone", Role.AGENT, "gone");
        assertEquals(201, b.send("POST", "/api/shops/gone/phrasings/mine", agent, null, """
                {"title": "我的", "text": "亲,我自己的话术也要留着"}""").status());
        long logged = System.nanoTime();
        while (countIn("shopkb-usage.gone") == 0 && System.nanoTime() - logged < SPREAD.toNanos()) {
            Thread.sleep(50);
        }
        assertTrue(countIn("shopkb-usage.gone") > 0, "B's search is in the shop's usage log in the cluster");
        assertTrue(clusterHas("/shopkb-files.gone") && clusterHas("/_alias/shopkb-gone"));

        long sent = System.nanoTime();
        TestServer.Reply removed;
        long refused;
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<TestServer.Reply> removing = pool.submit(() -> a.send("DELETE", "/api/shops/gone", a.adminToken, null, (String) null));
            int status = b.get("/api/shops/gone/search?q=" + encode("发什么快递")).status();
            while (status != 404 && System.nanoTime() - sent < CLOSES_WITHIN.toNanos()) {
                Thread.sleep(20);
                status = b.get("/api/shops/gone/search?q=" + encode("发什么快递")).status();
            }
            refused = System.nanoTime();
            assertEquals(404, status, "the other server still served the removed shop " + CLOSES_WITHIN.toMillis() + " ms after");
            removed = removing.get();
        }
        long answered = System.nanoTime();
        assertEquals(204, removed.status(), removed.json() == null ? "" : removed.json().toString());
        System.out.printf("removal: B refused the shop %d ms after the DELETE was sent to A, which answered after %d ms%n",
                (refused - sent) / 1_000_000, (answered - sent) / 1_000_000);
        assertFalse(listedOn(b, "gone"));
        assertFalse(listedOn(a, "gone"));

        assertFalse(clusterHas("/shopkb-files.gone"), "the shop's files index is deleted");
        assertFalse(clusterHas("/shopkb-usage.gone"), "the shop's usage log index is deleted");
        assertFalse(clusterHas("/_alias/shopkb-gone"), "the shop's units alias is deleted");
        assertEquals(0, cluster("/_cat/indices/shopkb-gone*?format=json").size(), "the shop's units indexes are deleted");

        Path kept = onlyFolder(work.resolve("a/data/removed"), "gone-");
        assertTrue(Files.readString(kept.resolve("content/phrasing/phr.keep.yaml")).contains("删店后也要留着"),
                "the entry B wrote is kept in A's removed folder, from the cluster");
        assertTrue(Files.isRegularFile(kept.resolve("content/faq/faq.product.care.yaml")), "with the copied content");
        assertTrue(Files.readString(kept.resolve("history/phr.keep.jsonl")).contains("删店后也要留着"), "and its history");
        assertEquals("要删的店", JSON.readTree(kept.resolve("shop.json").toFile()).get("title").asText());
        try (Stream<Path> personal = Files.walk(kept.resolve("personal"))) {
            assertTrue(personal.filter(Files::isRegularFile).anyMatch(file -> read(file).contains("我自己的话术也要留着")),
                    "the agent's own phrasing is kept too");
        }
        assertTrue(Files.readString(kept.resolve("usage-from-cluster.jsonl")).contains("能发顺丰吗"),
                "the usage log the cluster held is kept: the search made on B");
        // B closes the shop once its requests under way are done (at the look after refusing it, when one was).
        long closing = System.nanoTime();
        while (Files.exists(work.resolve("b/data/shops/gone")) && System.nanoTime() - closing < CLOSES_WITHIN.toNanos()) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(work.resolve("b/data/shops/gone")), "B's folder of the shop is moved aside");
        assertTrue(Files.isDirectory(onlyFolder(work.resolve("b/data/removed"), "gone-")));

        var again = b.send("POST", "/api/shops", b.adminToken, null, """
                {"name": "gone", "title": "新店"}""");
        assertEquals(201, again.status(), "the name is free again: " + again.json());
        assertEquals("新店", titleOn(a, "gone"));
        assertEquals(404, a.get("/api/shops/gone/entries/phr.keep").status(), "the new shop holds nothing of the old");
        assertEquals(404, b.get("/api/shops/gone/entries/phr.keep").status());
    }

    @Test
    void aShopRemovedElsewhereClosesOnlyOnceItsRequestsAreDoneAndCreatingItsNameAgainWaitsForThat() throws Exception {
        assertEquals(201, a.send("POST", "/api/shops", a.adminToken, null, """
                {"name": "busy", "copyOf": "default"}""").status());
        OpenShops.Lease underWay = b.server().shops().use(new ShopName("busy")); // a request on B, still running
        try (var pool = Executors.newSingleThreadExecutor()) {
            assertEquals(204, a.send("DELETE", "/api/shops/busy", a.adminToken, null, (String) null).status());
            long removed = System.nanoTime();
            int status = b.get("/api/shops/busy/search?q=" + encode("发什么快递")).status();
            while (status != 404 && System.nanoTime() - removed < CLOSES_WITHIN.toNanos()) {
                Thread.sleep(20);
                status = b.get("/api/shops/busy/search?q=" + encode("发什么快递")).status();
            }
            assertEquals(404, status, "new requests to the removed shop are refused on B");
            assertTrue(underWay.shop().kb().entry("faq.product.care").isPresent(), "the request under way still has its shop");
            assertTrue(Files.isDirectory(work.resolve("b/data/shops/busy/cluster-mirror")), "B's folder stays while it is in use");

            Future<TestServer.Reply> again = pool.submit(() -> b.send("POST", "/api/shops", b.adminToken, null, """
                    {"name": "busy", "title": "又开了"}"""));
            Thread.sleep(1500);
            assertFalse(again.isDone(), "a new shop of the name waits on B until the old one is closed there");
            underWay.close();
            TestServer.Reply created = again.get(10, TimeUnit.SECONDS);
            assertEquals(201, created.status(), created.json().toString());
        } finally {
            underWay.close();
        }
        Path old = onlyFolder(work.resolve("b/data/removed"), "busy-");
        assertTrue(Files.isRegularFile(old.resolve("cluster-mirror/content/faq/faq.product.care.yaml")), "B's old folder, aside");
        assertEquals("又开了", titleOn(a, "busy"));
        assertEquals(404, b.get("/api/shops/busy/entries/faq.product.care").status(), "the new shop is empty");
    }

    @Test
    void twoServersCreatingOneShopAtOnceGiveOne201AndOne409() throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> onA = () -> a.send("POST", "/api/shops", a.adminToken, null, """
                    {"name": "race", "title": "A的"}""").status();
            Callable<Integer> onB = () -> b.send("POST", "/api/shops", b.adminToken, null, """
                    {"name": "race", "title": "B的"}""").status();
            Future<Integer> fromA = pool.submit(onA);
            Future<Integer> fromB = pool.submit(onB);
            assertEquals(List.of(201, 409), Stream.of(fromA.get(), fromB.get()).sorted().toList());
        }
        assertEquals(titleOn(a, "race"), titleOn(b, "race"), "one shop, one title");
    }

    @Test
    void theCommandLineAddsListsAndRemovesTheClustersShops() throws Exception {
        Path dir = work.resolve("cli");
        ServerConfig config = config(dir);

        String added = shop(config, Map.of("title", "命令行店", "copy-of", "default"), "add", "from-cli");
        assertTrue(added.contains("created in the cluster"), added);
        assertEquals("命令行店", titleOn(a, "from-cli"));
        assertEquals("命令行店", titleOn(b, "from-cli"));
        var found = b.get("/api/shops/from-cli/search?q=" + encode("发什么快递")).json().get("results");
        assertEquals("faq.shipping.carriers", found.get(0).get("id").asText(), "served with the copied content");
        assertFalse(Files.exists(dir.resolve("data/shops/from-cli")), "nothing of the shop is written to the command's folder");

        String listed = shop(config, Map.of(), "list");
        assertTrue(listed.contains("from-cli\t命令行店\tcreated "), listed);
        assertTrue(listed.startsWith("default\t"), listed);

        long sent = System.nanoTime();
        String removed = shop(config, Map.of(), "remove", "from-cli");
        assertTrue(removed.contains("removed from the cluster"), removed);
        for (TestServer server : List.of(a, b)) {
            int status = server.get("/api/shops/from-cli/search?q=" + encode("发什么快递")).status();
            while (status != 404 && System.nanoTime() - sent < CLOSES_WITHIN.toNanos()) {
                Thread.sleep(20);
                status = server.get("/api/shops/from-cli/search?q=" + encode("发什么快递")).status();
            }
            assertEquals(404, status, "a server still served the shop the command removed");
        }
        Path kept = onlyFolder(dir.resolve("data/removed"), "from-cli-");
        assertTrue(Files.isRegularFile(kept.resolve("content/faq/faq.shipping.carriers.yaml")), "its files kept by the command");
        assertFalse(shop(config, Map.of(), "list").contains("from-cli"));
    }

    /** What the command line is given with {@code --opensearch URL} and the folders under {@code dir}. */
    private static ServerConfig config(Path dir) {
        return new ServerConfig("127.0.0.1", 0, dir.resolve("content"), dir.resolve("data"), Path.of("..", "web", "public"),
                false, UsageLog.Settings.defaults(), false, dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE, engine);
    }

    /** Runs {@code ./kb shop ARGS --opensearch URL} and returns what it printed. */
    private static String shop(ServerConfig config, Map<String, String> flags, String... args) {
        var out = new ByteArrayOutputStream();
        ShopCommand.run(List.of(args), flags, config, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String titleOn(TestServer server, String shop) throws Exception {
        for (JsonNode listed : server.get("/api/shops").json()) {
            if (listed.get("name").asText().equals(shop)) {
                return listed.get("title").asText();
            }
        }
        throw new AssertionError("shop '" + shop + "' is not listed by the server on port " + server.port());
    }

    private static boolean listedOn(TestServer server, String shop) throws Exception {
        for (JsonNode listed : server.get("/api/shops").json()) {
            if (listed.get("name").asText().equals(shop)) {
                return true;
            }
        }
        return false;
    }

    /** Asks until the entry's answer holds {@code text}, for up to {@link #SPREAD}. */
    private static TestServer.Reply awaitAnswer(TestServer server, String path, String text) throws Exception {
        long deadline = System.nanoTime() + SPREAD.toNanos();
        TestServer.Reply reply = server.get(path);
        while (!reply.json().path("answer").asText().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reply = server.get(path);
        }
        assertTrue(reply.json().path("answer").asText().contains(text), path + ": " + reply.json());
        return reply;
    }

    private static Path onlyFolder(Path parent, String prefix) throws Exception {
        try (Stream<Path> folders = Files.list(parent)) {
            List<Path> matching = folders.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, matching.size(), "folders " + prefix + "* in " + parent + ": " + matching);
            return matching.getFirst();
        }
    }

    /** How many documents the index holds (0 when it does not exist). */
    private static long countIn(String index) throws Exception {
        HttpResponse<String> response = clusterGet("/" + index + "/_search?size=0&track_total_hits=true");
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("hits").path("total").path("value").asLong() : 0;
    }

    private static boolean clusterHas(String path) throws Exception {
        return clusterGet(path).statusCode() == 200;
    }

    private static JsonNode cluster(String path) throws Exception {
        HttpResponse<String> response = clusterGet(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> clusterGet(String path) throws Exception {
        URI node = cluster.nodes().getFirst().uri();
        return HTTP.send(HttpRequest.newBuilder(node.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String phrasing(String id, String text) {
        return """
                {"type": "phrasing", "id": "%s", "intent": "shipping.carriers", "scenario": "物流",
                 "title": "%s", "text": "%s"}""".formatted(id, id, text);
    }
}
