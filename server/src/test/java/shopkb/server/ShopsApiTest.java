package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shops through the API: created (as a copy or empty) and searchable at once, listed, kept apart, removed. */
class ShopsApiTest {

    @TempDir
    Path tmp;

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(TestServer.Reply search) {
        var ids = new ArrayList<String>();
        search.json().get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void aShopCreatedThroughTheApiIsSearchableAtOnce() throws Exception {
        try (var server = new TestServer(tmp)) {
            TestServer.Reply created = server.send("POST", "/api/shops", server.adminToken, null,
                    "{\"name\": \"tmall-2\", \"title\": \"天猫二店\", \"copyOf\": \"default\"}");
            assertEquals(201, created.status());
            assertEquals("tmall-2", created.json().get("name").asText());
            assertEquals("天猫二店", created.json().get("title").asText());

            TestServer.Reply search = server.get("/api/shops/tmall-2/search?q=" + q("你们发什么快递"));
            assertEquals(200, search.status());
            assertEquals("faq.shipping.carriers", ids(search).getFirst());
            assertEquals(ids(server.get("/api/search?q=" + q("你们发什么快递"))), ids(search), "the copy ranks as its source");
        }
    }

    @Test
    void anEmptyShopTakesEntriesThroughItsOwnPathsAndTheyStayInIt() throws Exception {
        try (var server = new TestServer(tmp)) {
            assertEquals(201, server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"fresh\"}").status());
            assertEquals(List.of(), ids(server.get("/api/shops/fresh/search?q=" + q("闪电鸭快递"))));

            TestServer.Reply entry = server.send("POST", "/api/shops/fresh/entries", server.adminToken, null,
                    "{\"type\":\"phrasing\",\"id\":\"phr.duck\",\"scenario\":\"物流\",\"title\":\"闪电鸭快递\",\"text\":\"亲,我们发闪电鸭快递\"}");
            assertEquals(201, entry.status());
            assertEquals(200, server.get("/api/shops/fresh/entries/phr.duck").status());

            assertEquals(List.of("phr.duck"), ids(server.get("/api/shops/fresh/search?q=" + q("闪电鸭快递"))));
            assertFalse(ids(server.get("/api/search?q=" + q("闪电鸭快递"))).contains("phr.duck"), "the default shop never sees it");
            assertEquals(404, server.get("/api/entries/phr.duck").status());
            assertEquals(1, server.get("/api/shops/fresh/health").json().get("entries").asInt());
        }
    }

    @Test
    void todaysPathsAreTheDefaultShops() throws Exception {
        try (var server = new TestServer(tmp)) {
            String message = "/search?q=" + q("能便宜点吗");
            assertEquals(ids(server.get("/api/shops/default" + message)), ids(server.get("/api/" + message.substring(1))));
            assertEquals(server.get("/api/health").json().get("entries"), server.get("/api/shops/default/health").json().get("entries"));
        }
    }

    @Test
    void eachShopLogsAndShowsItsOwnUsage() throws Exception {
        try (var server = new TestServer(tmp)) {
            server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"second\", \"copyOf\": \"default\"}");
            server.get("/api/shops/second/search?q=" + q("可以开发票吗公司抬头"));
            server.server().defaultShop().usage().flush();
            try (var lease = server.server().shops().use(new shopkb.shops.ShopName("second"))) {
                lease.shop().usage().flush();
            }
            JsonNode second = server.send("GET", "/api/shops/second/insight?days=7", server.adminToken, null, (String) null).json();
            JsonNode first = server.send("GET", "/api/insight?days=7", server.adminToken, null, (String) null).json();
            assertTrue(second.toString().contains("开发票"), second.toString());
            assertFalse(first.toString().contains("开发票"), "the default shop's insight has none of the second shop's searches");
        }
    }

    @Test
    void theListShowsEveryShopToAnonymousReadersAndNamesAreChecked() throws Exception {
        try (var server = new TestServer(tmp)) {
            server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"b-shop\", \"title\": \"B 店\"}");
            JsonNode shops = server.get("/api/shops").json();
            assertEquals(List.of("default", "b-shop"), List.of(shops.get(0).get("name").asText(), shops.get(1).get("name").asText()));
            assertEquals(400, server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"../etc\"}").status());
            assertEquals(409, server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"b-shop\"}").status());
            assertEquals(400, server.send("POST", "/api/shops", server.adminToken, null,
                    "{\"name\": \"c\", \"copyOf\": \"nowhere\"}").status());
            assertEquals(403, server.send("POST", "/api/shops", server.editorToken, null, "{\"name\": \"c\"}").status(),
                    "only admins create shops");
        }
    }

    @Test
    void aRemovedShopIsGoneFromTheApiAndKeptWholeOnDisk() throws Exception {
        try (var server = new TestServer(tmp)) {
            server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"closing\", \"copyOf\": \"default\"}");
            assertEquals(200, server.get("/api/shops/closing/search?q=x").status());

            assertEquals(204, server.send("DELETE", "/api/shops/closing", server.adminToken, null, (String) null).status());

            assertEquals(404, server.get("/api/shops/closing/search?q=x").status());
            assertEquals("shop", server.get("/api/shops/closing/search?q=x").json().get("where").asText());
            try (var removed = Files.list(tmp.resolve("data/removed"))) {
                assertTrue(Files.isDirectory(removed.findFirst().orElseThrow().resolve("content/faq")));
            }
            assertEquals(400, server.send("DELETE", "/api/shops/default", server.adminToken, null, (String) null).status());
        }
    }

    @Test
    void adminsAddTokensForShopsThatWorkThereOnly() throws Exception {
        try (var server = new TestServer(tmp)) {
            server.send("POST", "/api/shops", server.adminToken, null, "{\"name\": \"second\", \"copyOf\": \"default\"}");
            TestServer.Reply added = server.send("POST", "/api/tokens", server.adminToken, null,
                    "{\"name\": \"xiaomei\", \"role\": \"editor\", \"shops\": [\"second\"]}");
            assertEquals(201, added.status());
            String token = added.json().get("token").asText();

            JsonNode listed = server.send("GET", "/api/tokens", server.adminToken, null, (String) null).json();
            assertFalse(listed.toString().contains(token), "the list never shows a token");
            String phrasing = "{\"type\":\"phrasing\",\"id\":\"phr.mei\",\"scenario\":\"物流\",\"title\":\"小美\",\"text\":\"亲\"}";
            assertEquals(201, server.send("POST", "/api/shops/second/entries", token, null, phrasing).status());
            assertEquals(403, server.send("POST", "/api/entries", token, null, phrasing).status());
            assertEquals("second", server.send("GET", "/api/whoami", token, null, (String) null).json().get("shops").get(0).asText());

            assertEquals(204, server.send("DELETE", "/api/tokens/xiaomei", server.adminToken, null, (String) null).status());
            assertEquals(401, server.send("POST", "/api/shops/second/entries", token, null, phrasing).status());
        }
    }
}
