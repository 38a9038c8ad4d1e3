package shopkb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import shopkb.KnowledgeBase;

/** The real server on a random port over the index module's readable fixture content. */
final class TestServer implements AutoCloseable {

    /** The index module's fixture; the server tests read the same small content set. */
    static final Path FIXTURE = Path.of("..", "index", "src", "test", "resources", "fixture");

    record Reply(int status, String contentType, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KnowledgeBase kb;
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path dataDir) {
        kb = KnowledgeBase.open(FIXTURE, dataDir);
        var config = new ServerConfig("127.0.0.1", 0, FIXTURE, dataDir, Path.of("..", "web"));
        app = KbApplication.create(kb, config).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** GET with a raw, already-encoded path and query, so tests can send malformed encodings. */
    Reply get(String rawPathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + rawPathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("content-type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
        return new Reply(response.statusCode(), type, json);
    }

    Reply post(String path, String jsonBody) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("content-type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
        return new Reply(response.statusCode(), type, json);
    }

    @Override
    public void close() throws Exception {
        app.stop();
        kb.close();
    }
}
