package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that got its 2xx survives kill -9 of the server process right after it. */
class CrashSafetyTest {

    private static final Pattern READY = Pattern.compile("ready at http://localhost:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("admin token for 'admin'.*: (kb_\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A server in its own JVM, as ./kb serve runs it. */
    private record Running(Process process, int port, String token) {
    }

    private Running start(Path content, Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "shopkb.server.Main", "serve",
                "--port", "0", "--content", content.toString(), "--data", data.toString(), "--web", tmp.resolve("no-web").toString())
                .redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String token = null;
        long deadline = System.currentTimeMillis() + 60_000;
        String line;
        while (System.currentTimeMillis() < deadline && (line = reader.readLine()) != null) {
            Matcher tokenMatch = TOKEN.matcher(line);
            if (tokenMatch.find()) {
                token = tokenMatch.group(1);
            }
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Running(process, Integer.parseInt(ready.group(1)), token);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start");
    }

    /**
     * POSTs {@code count} bodies to {@code path} one after another while, after {@code killAfterMillis}, the server is
     * killed with SIGKILL; returns the ids of the ones acknowledged with 201 (each response's {@code id}).
     */
    private static Collection<String> burstUntilKilled(HttpClient http, Running server, String path, int count,
                                                       long killAfterMillis, IntFunction<String> body) throws Exception {
        var acknowledged = new ConcurrentLinkedQueue<String>();
        Thread burst = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < count; i++) {
                try {
                    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .header("Authorization", "Bearer " + server.token()).header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build(), HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() == 201) {
                        acknowledged.add(JSON.readTree(created.body()).get("id").asText());
                    }
                } catch (Exception e) {
                    return; // the server was killed mid-request: that write was never acknowledged
                }
            }
        });
        Thread.sleep(killAfterMillis);
        server.process().destroyForcibly(); // SIGKILL in the middle of the burst
        server.process().waitFor(10, TimeUnit.SECONDS);
        burst.join();
        return acknowledged;
    }

    @Test
    void everyWriteAcknowledgedDuringABurstSurvivesKill9AndContentAndIndexAgree() throws Exception {
        Path content = TestServer.copyFixture(tmp.resolve("burst-content"));
        Path data = tmp.resolve("burst-data");
        HttpClient http = HttpClient.newHttpClient();
        Running first = start(content, data);
        var acknowledged = burstUntilKilled(http, first, "/api/entries", 1000, 1500,
                i -> "{\"type\": \"phrasing\", \"id\": \"phr.burst" + i + "\", \"scenario\": \"物流\", \"title\": \"突发写入"
                        + i + "\", \"text\": \"亲,突发写入第" + i + "条闪电话术\"}");
        assertTrue(acknowledged.size() > 5, "the burst wrote " + acknowledged.size() + " entries before the kill");

        Running second = start(content, data);
        try {
            for (String id : acknowledged) {
                HttpResponse<String> entry = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + second.port() + "/api/entries/" + id)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, entry.statusCode(), id + " was acknowledged but is missing");
            }
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port()
                    + "/api/search?type=phrasing&limit=50&q=%E9%97%AA%E7%94%B5%E8%AF%9D%E6%9C%AF")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(JSON.readTree(search.body()).get("total").asInt() >= Math.min(acknowledged.size(), 50),
                    "the index agrees with the content after the restart");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(0, JSON.readTree(health.body()).get("invalid").asInt(), "no torn or half-written file");
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteAcknowledgedWith2xxIsPresentAfterKill9AndRestart() throws Exception {
        Path content = TestServer.copyFixture(tmp.resolve("content"));
        Path data = tmp.resolve("data");
        HttpClient http = HttpClient.newHttpClient();

        Running first = start(content, data);
        int status;
        try {
            String body = """
                    {"type": "phrasing", "id": "phr.crash", "scenario": "物流", "title": "崩溃前写入", "text": "亲,我们支持极兔快递"}""";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/api/entries"))
                    .header("Authorization", "Bearer " + first.token()).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            status = created.statusCode();
        } finally {
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.process().waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(201, status);

        Running second = start(content, data);
        try {
            HttpResponse<String> entry = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.port() + "/api/entries/phr.crash")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, entry.statusCode());
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.port() + "/api/search?q=%E6%9E%81%E5%85%94")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode results = JSON.readTree(search.body()).get("results");
            assertEquals("phr.crash", results.get(0).get("id").asText());
            HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.port() + "/api/entries/phr.crash/history")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(history.body().contains("\"action\":\"create\""));
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOwnPhrasingAcknowledgedWith2xxIsPresentAfterKill9WithItsHistory() throws Exception {
        Path content = TestServer.copyFixture(tmp.resolve("own-content"));
        Path data = tmp.resolve("own-data");
        HttpClient http = HttpClient.newHttpClient();

        Running first = start(content, data);
        var acknowledged = burstUntilKilled(http, first, "/api/phrasings/mine", 400, 1000,
                i -> "{\"title\": \"我的话术" + i + "\", \"text\": \"亲,这是第" + i + "条自己的话术\"}");
        assertTrue(acknowledged.size() > 5, "the burst saved " + acknowledged.size() + " phrasings before the kill");

        Running second = start(content, data);
        try {
            HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port()
                    + "/api/phrasings/mine")).header("Authorization", "Bearer " + first.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, mine.statusCode());
            var kept = new java.util.HashSet<String>();
            JSON.readTree(mine.body()).forEach(p -> kept.add(p.get("id").asText()));
            assertTrue(kept.containsAll(acknowledged), (acknowledged.size() - kept.size()) + " acknowledged phrasings are missing");
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
        String agentFolder = "agent-" + "admin";
        for (String id : acknowledged) {
            assertTrue(java.nio.file.Files.isRegularFile(data.resolve("personal").resolve(agentFolder).resolve("history").resolve(id + ".jsonl")),
                    "the history of " + id);
        }
    }
}
