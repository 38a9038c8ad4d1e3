package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shopkb.editing.Folders;
import shopkb.personal.PersonalPhrasings;
import shopkb.server.auth.Role;
import shopkb.server.cli.ShopCommand;
import shopkb.shops.DataLayout;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/**
 * An agent's own phrasings over one real OpenSearch node and two servers: the cluster is their home, so what the agent
 * saves on one server is listed, found and editable on the other within about a second, two saves over one version on
 * two servers give one 200 and one 412, suggestions reach the editors of every server, and a server with an empty data
 * folder (or a shop moved into the cluster and back) loses none of them.
 */
class PersonalPhrasingsOverClusterIT extends TwoServersOverOneNode {

    /** An agent of the default shop, one token for both servers (tokens are homed in the cluster). */
    static String xiaomei;

    @BeforeAll
    static void start() throws Exception {
        xiaomei = a.token("xiaomei", Role.AGENT, ShopName.DEFAULT.value());
        awaitOn(b, "/api/whoami", xiaomei, reply -> reply.json().path("name").asText().equals("xiaomei"));
    }

    @Test
    void aPhrasingSavedOnOneServerIsListedAndFoundOnTheOther() throws Exception {
        JsonNode saved = create(a, xiaomei, "极兔说明", "亲,我们也可以发极兔快递哦,小美专用", "/jtxm");

        JsonNode onB = awaitListed(b, xiaomei, saved.get("id").asText());
        assertEquals("亲,我们也可以发极兔快递哦,小美专用", onB.get("text").asText());
        assertEquals(saved.get("etag").asText(), onB.get("etag").asText(), "the same version tag on every server");
        JsonNode found = b.send("GET", "/api/search?q=" + URLEncoder.encode("/jtxm", StandardCharsets.UTF_8), xiaomei, null,
                (String) null).json();
        assertEquals(saved.get("id").asText(), found.get("own").get(0).get("id").asText(), "found by her short code on B");
    }

    @Test
    void theSameVersionSavedOnTwoServersGivesOne200AndOne412() throws Exception {
        JsonNode saved = create(a, xiaomei, "尺码说明", "亲,身高175选L码哦", null);
        String id = saved.get("id").asText();
        String etag = awaitListed(b, xiaomei, id).get("etag").asText();

        TestServer.Reply first = a.send("PUT", "/api/phrasings/mine/" + id, xiaomei, etag,
                "{\"title\":\"尺码说明\",\"text\":\"亲,身高175建议L码\"}");
        TestServer.Reply second = b.send("PUT", "/api/phrasings/mine/" + id, xiaomei, etag,
                "{\"title\":\"尺码说明\",\"text\":\"亲,175选M码\"}");

        assertEquals(200, first.status(), String.valueOf(first.json()));
        assertEquals(412, second.status(), "A's save replaced the version B's was made on: " + second.json());
        assertEquals(first.etag(), second.etag(), "the 412 names the version that won");
        assertEquals(412, b.send("DELETE", "/api/phrasings/mine/" + id, xiaomei, etag, (String) null).status());
        assertEquals("亲,身高175建议L码", listed(b, xiaomei, id).get("text").asText(), "B serves A's save after the 412");
    }

    @Test
    void twoPhrasingsOfOneAgentChangedOnTwoServersOneRightAfterTheOtherAreBothKept() throws Exception {
        String first = create(a, xiaomei, "开场一", "亲,在的,第一条", null).get("id").asText();
        String second = create(a, xiaomei, "开场二", "亲,在的,第二条", null).get("id").asText();
        String secondEtag = awaitListed(b, xiaomei, second).get("etag").asText();
        String firstEtag = listed(a, xiaomei, first).get("etag").asText();

        assertEquals(200, a.send("PUT", "/api/phrasings/mine/" + first, xiaomei, firstEtag,
                "{\"title\":\"开场一\",\"text\":\"亲,在的,第一条改过\"}").status());
        assertEquals(200, b.send("PUT", "/api/phrasings/mine/" + second, xiaomei, secondEtag,
                "{\"title\":\"开场二\",\"text\":\"亲,在的,第二条改过\"}").status(), "another phrasing's change is no conflict");

        for (TestServer server : List.of(a, b)) {
            awaitOn(server, "/api/phrasings/mine", xiaomei, reply -> reply.json().toString().contains("第二条改过"));
            assertEquals("亲,在的,第一条改过", listed(server, xiaomei, first).get("text").asText(),
                    "B's save did not put back the version of the first it had before A's");
        }
    }

    @Test
    void aSuggestionMadeOnOneServerReachesTheEditorsOfTheOther() throws Exception {
        String id = create(a, xiaomei, "顺丰到付", "亲,顺丰可以到付哦", null).get("id").asText();
        TestServer.Reply suggested = a.send("POST", "/api/phrasings/mine/" + id + "/suggest", xiaomei, null,
                "{\"note\":\"买家常问顺丰\"}");
        assertEquals(201, suggested.status(), String.valueOf(suggested.json()));
        String suggestion = suggested.json().get("id").asText();

        awaitOn(b, "/api/suggestions", b.editorToken, reply -> reply.json().toString().contains(suggestion));
        assertEquals(204, b.send("POST", "/api/suggestions/" + suggestion + "/dismiss", b.editorToken, null, "{}").status());
        awaitOn(a, "/api/suggestions", a.editorToken, reply -> !reply.json().toString().contains(suggestion));
        assertEquals(404, a.send("POST", "/api/suggestions/" + suggestion + "/dismiss", a.editorToken, null, "{}").status(),
                "decided once, on whichever server");
    }

    @Test
    void aServerWithAnEmptyDataFolderServesThemWhenTheServerTheyWereSavedOnIsGone() throws Exception {
        Path lostDir = work.resolve("lost");
        String id;
        String etag;
        try (var lost = new TestServer(lostDir, engine)) {
            JsonNode saved = create(lost, xiaomei, "夜班开场", "亲,夜班客服在的", null);
            id = saved.get("id").asText();
            TestServer.Reply changed = lost.send("PUT", "/api/phrasings/mine/" + id, xiaomei, saved.get("etag").asText(),
                    "{\"title\":\"夜班开场\",\"text\":\"亲,夜班客服一直在的\"}");
            assertEquals(200, changed.status());
            etag = changed.etag();
        }
        Folders.delete(lostDir);

        Path freshDir = work.resolve("fresh");
        try (var fresh = new TestServer(freshDir, engine)) {
            JsonNode onFresh = listed(fresh, xiaomei, id);
            assertEquals("亲,夜班客服一直在的", onFresh.get("text").asText(), "served at once: pulled as the shop opened");
            assertEquals(etag, onFresh.get("etag").asText());
            assertEquals(2, fresh.server().defaultShop().personal().history("xiaomei", id).size(), "and its history");
            assertTrue(Files.isRegularFile(freshDir.resolve("data/cluster-mirror/personal/agent-xiaomei/phrasings.json")));
            assertFalse(Files.exists(freshDir.resolve("data/personal")), "the server's own folder is not the home");
        }
    }

    @Test
    void aShopsOwnPhrasingsMoveIntoTheClusterAndBackWithTheirChanges() throws Exception {
        Path dir = work.resolve("mover");
        var server = new TestServer(dir, engine); // a running server finds a shop added beside it on its next request
        var catalog = new ShopCatalog(new DataLayout(dir.resolve("data")), server.content);
        var shop = new ShopName("ownmoved");
        catalog.create(shop, "搬家店", ShopName.DEFAULT);
        String id = PersonalPhrasings.open(catalog.folders(shop).personal())
                .create("xiaomei-moved", "搬家前的", "亲,这条是搬家前写的", null).phrasing().id();
        var config = new ServerConfig("127.0.0.1", 0, server.content, dir.resolve("data"), Path.of("..", "web", "public"), false,
                UsageLog.Settings.defaults(), false, dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE, engine);
        var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        ShopCommand.run(List.of("move", "ownmoved"), Map.of("to", "opensearch"), config, out);
        Folders.delete(catalog.folders(shop).personal()); // no longer read: the cluster is the home now
        try (server) {
            String agent = server.token("xiaomei-moved", Role.AGENT, "ownmoved");
            TestServer.Reply listed = server.send("GET", "/api/shops/ownmoved/phrasings/mine", agent, null, (String) null);
            assertEquals(List.of(id), listed.json().findValuesAsText("id"), "served from the cluster after the move");
            assertEquals(200, server.send("PUT", "/api/shops/ownmoved/phrasings/mine/" + id, agent,
                    listed.json().get(0).get("etag").asText(), "{\"title\":\"搬家前的\",\"text\":\"亲,这条在集群里改过\"}").status());
        }

        ShopCommand.run(List.of("move", "ownmoved"), Map.of("to", "embedded"), config, out);
        var back = PersonalPhrasings.open(catalog.folders(shop).personal());
        assertEquals("亲,这条在集群里改过", back.read("xiaomei-moved", id).orElseThrow().phrasing().text(),
                "the change made in the cluster is in the shop's own folder");
        assertEquals(2, back.history("xiaomei-moved", id).size(), "the history from before the move and the change in the cluster");
    }

    private static JsonNode create(TestServer server, String token, String title, String text, String shortcut) throws Exception {
        TestServer.Reply reply = server.send("POST", "/api/phrasings/mine", token, null, "{\"title\":\"" + title + "\",\"text\":\""
                + text + "\"" + (shortcut == null ? "" : ",\"shortcut\":\"" + shortcut + "\"") + "}");
        assertEquals(201, reply.status(), String.valueOf(reply.json()));
        return ((ObjectNode) reply.json()).put("etag", reply.etag());
    }

    /** The phrasing as the agent's list on {@code server} has it, or an assertion failure. */
    private static JsonNode listed(TestServer server, String token, String id) throws Exception {
        for (JsonNode phrasing : server.send("GET", "/api/phrasings/mine", token, null, (String) null).json()) {
            if (phrasing.get("id").asText().equals(id)) {
                return phrasing;
            }
        }
        throw new AssertionError(id + " is not listed on the server at " + server.base());
    }

    private static JsonNode awaitListed(TestServer server, String token, String id) throws Exception {
        awaitOn(server, "/api/phrasings/mine", token, reply -> reply.json().findValuesAsText("id").contains(id));
        return listed(server, token, id);
    }

    /** Asks until {@code done}, for up to {@link #SPREAD}. */
    private static void awaitOn(TestServer server, String path, String token, Predicate<TestServer.Reply> done)
            throws Exception {
        long deadline = System.nanoTime() + SPREAD.toNanos();
        TestServer.Reply reply = server.send("GET", path, token, null, (String) null);
        while (!done.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reply = server.send("GET", path, token, null, (String) null);
        }
        assertTrue(done.test(reply), path + " on the server at " + server.base() + " within "
                + SPREAD.toSeconds() + " s: " + reply.json());
    }
}
