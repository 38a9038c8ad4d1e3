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
import shopkb.semantic.MeaningModel;

/** The API when search ranks by meaning too: which signal found each result, editors' near-duplicate warnings. */
class MeaningApiTest {

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() {
        MeaningModel model = MeaningModel.load();
        assertTrue(model.available(), model.detail());
        server = new TestServer(dir, model);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void healthSaysSearchRanksByMeaning() throws Exception {
        JsonNode meaning = server.get("/api/health").json().get("meaning");
        assertEquals("on", meaning.get("status").asText());
        assertTrue(meaning.get("vectors").asInt() > 10);
    }

    @Test
    void eachResultSaysWhichSignalFoundIt() throws Exception {
        JsonNode result = server.get("/api/search?q=" + URLEncoder.encode("你们用哪家物流公司寄", StandardCharsets.UTF_8))
                .json().get("results").get(0);
        // The fixture's carriers FAQ, or the one another test of this class saves beside it: both answer it.
        assertEquals("shipping.carriers", result.get("intent").asText());
        assertTrue(result.get("matchedBy").toString().contains("meaning"), result.toString());
    }

    @Test
    void savingAQuestionThatMeansTheSameAsAnotherFaqsWarnsButSaves() throws Exception {
        String body = """
                {"type":"faq","id":"faq.shipping.which-carrier","intent":"shipping.carriers","scenario":"物流",
                 "question":"发货用的哪家快递公司","similar":["你们家发的是什么快递"],"answer":"亲,默认申通、圆通。"}""";
        TestServer.Reply reply = server.send("POST", "/api/entries", server.editorToken, null, body);
        assertEquals(201, reply.status());
        JsonNode warning = reply.json().get("warnings").get(0);
        assertEquals("similar[0]", warning.get("field").asText());
        assertEquals("faq.shipping.carriers", warning.get("entryId").asText());
        assertTrue(warning.get("problem").asText().contains("你们发什么快递"), warning.toString());
        assertEquals(200, server.get("/api/entries/faq.shipping.which-carrier").status());
    }

    @Test
    void anOrdinarySaveCarriesNoWarnings() throws Exception {
        String body = """
                {"type":"faq","id":"faq.gift.wrap","intent":"shipping.carriers","scenario":"物流",
                 "question":"可以帮忙包成礼物吗","answer":"亲,可以的。"}""";
        TestServer.Reply reply = server.send("POST", "/api/entries", server.editorToken, null, body);
        assertEquals(201, reply.status());
        assertFalse(reply.json().has("warnings"));
    }

    @Test
    void anImportDryRunListsNearDuplicates() throws Exception {
        String csv = "标准问题,相似问法,答案,意图\n你们家发的是什么快递,,\"亲,默认申通。\",shipping.carriers\n";
        TestServer.Reply reply = server.send("POST", "/api/import?format=csv&dryRun=true", server.editorToken, null,
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        JsonNode duplicate = reply.json().get("nearDuplicates").get(0);
        assertEquals(2, duplicate.get("row").asInt());
        // The fixture's carriers FAQ, or the one another test of this class saved beside it.
        assertTrue(java.util.Set.of("faq.shipping.carriers", "faq.shipping.which-carrier").contains(duplicate.get("entryId").asText()),
                duplicate.toString());
    }
}
