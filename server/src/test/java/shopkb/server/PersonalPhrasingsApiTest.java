package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.server.auth.Role;

/**
 * An agent's own phrasings: seen by that agent only, found by search and by short code next to the team's and marked as
 * their own, never logged; suggested to the team and accepted by an editor as a team phrasing in one request.
 */
class PersonalPhrasingsApiTest {

    @TempDir
    static Path tmp;
    private static TestServer server;
    private static String xiaomei;
    private static String dawei;

    @BeforeAll
    static void start() {
        server = new TestServer(tmp);
        xiaomei = server.token("xiaomei", Role.AGENT, "default");
        dawei = server.token("dawei", Role.AGENT, "default");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode create(String token, String title, String text, String shortcut) throws Exception {
        TestServer.Reply reply = server.send("POST", "/api/phrasings/mine", token, null,
                "{\"title\":\"" + title + "\",\"text\":\"" + text + "\"" + (shortcut == null ? "" : ",\"shortcut\":\"" + shortcut + "\"") + "}");
        assertEquals(201, reply.status(), String.valueOf(reply.json()));
        return reply.json();
    }

    private static JsonNode search(String token, String message) throws Exception {
        return server.send("GET", "/api/search?q=" + q(message), token, null, (String) null).json();
    }

    @Test
    void anAgentsPhrasingIsFoundBesideTheTeamsForThemAndForNobodyElse() throws Exception {
        JsonNode mine = create(xiaomei, "开发票说明", "亲,发票在确认收货后开具,公司抬头请留言给{客服昵称}", null);

        JsonNode hers = search(xiaomei, "能开发票吗");
        assertEquals(mine.get("id").asText(), hers.get("own").get(0).get("id").asText());
        assertTrue(hers.get("own").get(0).get("own").asBoolean(), "marked as her own");
        assertTrue(hers.get("own").get(0).get("snippet").asText().contains("<mark>"));

        assertTrue(search(dawei, "能开发票吗").get("own").isEmpty(), "another agent gets none of hers");
        assertNull(search(null, "能开发票吗").get("own"), "an anonymous search has no own phrasings at all");
        assertEquals(0, server.send("GET", "/api/phrasings/mine", dawei, null, (String) null).json().size());
        assertEquals(404, server.send("PUT", "/api/phrasings/mine/" + mine.get("id").asText(), dawei, "*",
                "{\"title\":\"抢\",\"text\":\"亲\"}").status(), "not even changed by id");
        assertEquals(404, server.send("DELETE", "/api/phrasings/mine/" + mine.get("id").asText(), dawei, "*", (String) null).status());
    }

    @Test
    void theListCarriesEachVersionSoAChangeFromAnotherTabIsAConflictNotAnOverwrite() throws Exception {
        String id = create(xiaomei, "尺码说明", "亲,身高175选L码哦", null).get("id").asText();
        JsonNode listed = null;
        for (JsonNode phrasing : server.send("GET", "/api/phrasings/mine", xiaomei, null, (String) null).json()) {
            if (phrasing.get("id").asText().equals(id)) {
                listed = phrasing;
            }
        }
        String etag = listed.get("etag").asText();

        TestServer.Reply firstTab = server.send("PUT", "/api/phrasings/mine/" + id, xiaomei, etag,
                "{\"title\":\"尺码说明\",\"text\":\"亲,身高175建议L码\"}");
        assertEquals(200, firstTab.status(), "the listed version is the current one");
        TestServer.Reply secondTab = server.send("PUT", "/api/phrasings/mine/" + id, xiaomei, etag,
                "{\"title\":\"尺码说明\",\"text\":\"亲,175选M码\"}");
        assertEquals(412, secondTab.status(), "a change on the version listed before the first tab's save");
        assertEquals(412, server.send("DELETE", "/api/phrasings/mine/" + id, xiaomei, etag, (String) null).status());
    }

    @Test
    void ownPhrasingsAreNeverInTheUsageLogTheEditorsSee() throws Exception {
        create(xiaomei, "私房话术", "亲,这是小美自己的闪电鸭回复", null);
        search(xiaomei, "闪电鸭回复");
        server.usage().flush();
        JsonNode insight = server.send("GET", "/api/insight?days=7", server.editorToken, null, (String) null).json();
        assertFalse(insight.toString().contains("own."), "no own phrasing id in any insight table");
    }

    @Test
    void aShortCodeBringsUpTheAgentsOwnPhrasingFirst() throws Exception {
        JsonNode mine = create(xiaomei, "小美的快递说明", "亲,我们默认发圆通", "/xm");
        JsonNode reply = search(xiaomei, "/xm");
        assertEquals(mine.get("id").asText(), reply.get("own").get(0).get("id").asText());
        assertEquals("/xm", reply.get("own").get(0).get("shortcut").asText());
        assertTrue(search(dawei, "/xm").get("own").isEmpty());
    }

    @Test
    void aSuggestionBecomesATeamPhrasingInOneRequestOfAnEditor() throws Exception {
        JsonNode mine = create(xiaomei, "极兔快递", "亲,我们也可以发极兔快递哦", "/jt");
        TestServer.Reply suggested = server.send("POST", "/api/phrasings/mine/" + mine.get("id").asText() + "/suggest", xiaomei, null,
                "{\"note\":\"买家常问极兔\"}");
        assertEquals(201, suggested.status());
        assertEquals(403, server.send("GET", "/api/suggestions", xiaomei, null, (String) null).status(), "agents do not decide");

        JsonNode open = server.send("GET", "/api/suggestions", server.editorToken, null, (String) null).json();
        JsonNode suggestion = open.get(open.size() - 1);
        assertEquals("xiaomei", suggestion.get("agent").asText());
        assertEquals("买家常问极兔", suggestion.get("note").asText());

        TestServer.Reply accepted = server.send("POST", "/api/suggestions/" + suggestion.get("id").asText() + "/accept",
                server.editorToken, null, "{\"scenario\":\"物流\",\"intent\":\"shipping.carriers\",\"id\":\"phr.jitu\"}");
        assertEquals(201, accepted.status(), String.valueOf(accepted.json()));
        assertEquals("phr.jitu", accepted.json().get("id").asText());

        JsonNode team = search(dawei, "/jt");
        assertEquals("phr.jitu", team.get("results").get(0).get("id").asText(), "now everyone's, short code included");
        assertTrue(search(null, "极兔快递").get("results").findValues("id").stream().anyMatch(id -> id.asText().equals("phr.jitu")));
        assertEquals("alice", server.get("/api/entries/phr.jitu/history").json().get(0).get("by").asText());
        assertTrue(server.send("GET", "/api/suggestions", server.editorToken, null, (String) null).json().findValues("id").stream()
                .noneMatch(id -> id.asText().equals(suggestion.get("id").asText())), "no longer open");
    }

    @Test
    void aReaderHasNoPhrasingsOfTheirOwn() throws Exception {
        assertEquals(403, server.send("GET", "/api/phrasings/mine", server.readerToken, null, (String) null).status());
        assertEquals(401, server.send("GET", "/api/phrasings/mine", null, null, (String) null).status());
    }
}
