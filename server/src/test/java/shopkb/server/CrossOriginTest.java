package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any web page can make a browser send a "simple" cross-origin request (a form post, text/plain, no custom
 * headers) to a server on localhost. None of them may change anything.
 */
class CrossOriginTest {

    @TempDir
    Path tmp;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String issuedQueryId() throws Exception {
        return server.get("/api/search?q=%E5%8C%85%E9%82%AE%E5%90%97").json().get("queryId").asText();
    }

    private long logged() {
        server.usage().flush();
        return server.usage().stats().logged();
    }

    @Test
    void feedbackIsJsonOnly() throws Exception {
        String body = "{\"queryId\":\"" + issuedQueryId() + "\",\"resultId\":\"faq.shipping.carriers\",\"action\":\"copied\"}";
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> response = send("POST", "/api/feedback", type, body);
            assertEquals(415, response.statusCode(), type + ": " + response.body());
            assertTrue(response.body().contains("\"where\":\"Content-Type\""), response.body());
        }
        assertEquals(202, send("POST", "/api/feedback", "application/json; charset=utf-8", body).statusCode());
    }

    @Test
    void feedbackCountsOnlyForQueryIdsThisServerIssued() throws Exception {
        long before = logged();
        HttpResponse<String> madeUp = send("POST", "/api/feedback", "application/json",
                "{\"queryId\":\"0123456789abcdef\",\"resultId\":\"faq.shipping.carriers\",\"action\":\"copied\"}");
        assertEquals(400, madeUp.statusCode(), madeUp.body());
        assertTrue(madeUp.body().contains("\"where\":\"queryId\""), madeUp.body());
        assertEquals(before, logged(), "nothing was logged for the made-up id");
    }

    @Test
    void noSimpleCrossOriginRequestChangesAnything() throws Exception {
        String id = issuedQueryId();
        long before = logged();
        int entries = server.kb().content().entries().size();
        String entry = "{\"type\":\"phrasing\",\"id\":\"phr.evil\",\"scenario\":\"物流\",\"title\":\"x\",\"text\":\"x\"}";
        List<String[]> attempts = List.of(
                new String[] {"POST", "/api/search", "{\"q\":\"包邮吗\"}"},
                new String[] {"POST", "/api/feedback", "{\"queryId\":\"" + id + "\",\"resultId\":\"faq.shipping.carriers\",\"action\":\"copied\"}"},
                new String[] {"POST", "/api/entries", entry},
                new String[] {"PUT", "/api/entries/faq.shipping.carriers", entry},
                new String[] {"DELETE", "/api/entries/faq.shipping.carriers", ""},
                new String[] {"POST", "/api/entries/faq.shipping.carriers/restore", "{\"version\":1}"},
                new String[] {"POST", "/api/import?format=csv", "标准问题,意图\n能发极兔吗,shipping.carriers\n"},
                new String[] {"POST", "/api/insight/add-similar", "{\"query\":\"x\",\"intent\":\"shipping.carriers\"}"});
        for (String[] attempt : attempts) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
                HttpResponse<String> response = send(attempt[0], attempt[1], type, attempt[2]);
                assertTrue(response.statusCode() >= 400, attempt[0] + " " + attempt[1] + " as " + type + ": " + response.statusCode());
            }
            // A page on another origin sending JSON through fetch() is refused too, even where no token is needed.
            HttpResponse<String> json = send(attempt[0], attempt[1], "application/json", attempt[2],
                    "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site");
            assertTrue(json.statusCode() >= 400, attempt[0] + " " + attempt[1] + " from another origin: " + json.statusCode());
        }
        assertEquals(before, logged(), "no search or feedback was logged");
        assertEquals(entries, server.kb().content().entries().size());
    }

    @Test
    void aSearchAnotherSiteTriggersIsAnsweredButNotLogged() throws Exception {
        long before = logged();
        var response = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?q=%E5%8C%85%E9%82%AE"))
                .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("queryId"), response.body());
        assertEquals(before, logged());
    }
}
