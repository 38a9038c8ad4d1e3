package shopkb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import shopkb.KnowledgeBase;
import shopkb.editing.Folders;
import shopkb.semantic.MeaningModel;
import shopkb.server.auth.Principal;
import shopkb.server.auth.Role;
import shopkb.server.auth.TokenStore;
import shopkb.usage.UsageLog;

/**
 * The real server ({@link KbServer}, as {@code serve} starts it) on a random port over a copy of the index module's
 * readable fixture content as its default shop, with an editor and a reader token for the default shop and an admin
 * token.
 */
final class TestServer implements AutoCloseable {

    /** The index module's fixture; the server tests use the same small content set. */
    static final Path FIXTURE = Path.of("..", "index", "src", "test", "resources", "fixture");

    record Reply(int status, String contentType, JsonNode json, String etag, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    final Path content;
    final String editorToken;
    final String readerToken;
    final String adminToken;
    private final KbServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path dir) {
        this(dir, false);
    }

    TestServer(Path dir, boolean readNeedsToken) {
        this(dir, readNeedsToken, UsageLog.Settings.defaults());
    }

    TestServer(Path dir, boolean readNeedsToken, UsageLog.Settings usageSettings) {
        this(dir, readNeedsToken, usageSettings, MeaningModel.off());
    }

    /** Ranking by words and meaning when {@code meaning} is available. */
    TestServer(Path dir, MeaningModel meaning) {
        this(dir, false, UsageLog.Settings.defaults(), meaning);
    }

    TestServer(Path dir, boolean readNeedsToken, UsageLog.Settings usageSettings, MeaningModel meaning) {
        this(dir, readNeedsToken, usageSettings, meaning, EngineConfig.embedded());
    }

    /** Over the cluster {@code engine} names (words only): the fixture is what the cluster starts from if it holds no shop. */
    TestServer(Path dir, EngineConfig engine) {
        this(dir, false, UsageLog.Settings.defaults(), MeaningModel.off(), engine);
    }

    private TestServer(Path dir, boolean readNeedsToken, UsageLog.Settings usageSettings, MeaningModel meaning,
                       EngineConfig engine) {
        content = copyFixture(dir.resolve("content"));
        Path data = dir.resolve("data");
        var config = new ServerConfig("127.0.0.1", 0, content, data, Path.of("..", "web", "public"), readNeedsToken,
                usageSettings, true, dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE, engine);
        server = KbServer.start(config, meaning);
        TokenStore tokens = server.tokens();
        // Servers over one cluster share their tokens: each test server's own are named after its folder.
        String suffix = engine.cluster() ? "-" + dir.getFileName() : "";
        adminToken = server.firstToken().orElseGet(() -> tokens.add("admin" + suffix, Role.ADMIN, List.of(Principal.EVERY_SHOP)));
        editorToken = tokens.add("alice" + suffix, Role.EDITOR);
        readerToken = tokens.add("bob" + suffix, Role.READER);
    }

    /** A token of {@code role} for {@code shops} (names, or "*"). */
    String token(String name, Role role, String... shops) {
        return server.tokens().add(name, role, List.of(shops.length == 0 ? new String[] {Principal.EVERY_SHOP} : shops));
    }

    KbServer server() {
        return server;
    }

    /** The default shop's usage log. */
    UsageLog usage() {
        return server.defaultShop().usage();
    }

    /** The default shop's knowledge base. */
    KnowledgeBase kb() {
        return server.defaultShop().kb();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    int port() {
        return server.port();
    }

    /** GET that gives up after {@code timeout} (an HttpTimeoutException). */
    Reply get(String rawPathAndQuery, java.time.Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + rawPathAndQuery)).timeout(timeout).GET());
    }

    /** GET with a raw, already-encoded path and query, so tests can send malformed encodings. */
    Reply get(String rawPathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + rawPathAndQuery)).GET());
    }

    /**
     * GET over a plain socket, the request line sent byte for byte: for malformed escapes that
     * java.net.URI refuses to build.
     */
    Reply rawGet(String rawPathAndQuery) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + rawPathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String type = response.lines().takeWhile(l -> !l.isEmpty())
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Reply(status, type, null, null, response.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    Reply post(String path, String jsonBody) throws IOException, InterruptedException {
        return send(request(path, null).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** Any method, with a token (or null) and an If-Match (or null); a body is labelled JSON (imports ignore the label). */
    Reply send(String method, String path, String token, String ifMatch, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, token);
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (body != null) {
            builder.header("content-type", "application/json");
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(builder);
    }

    /** As {@link #send(String, String, String, String, byte[])}, giving up after {@code timeout}. */
    Reply send(String method, String path, String token, String ifMatch, byte[] body, java.time.Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, token).timeout(timeout);
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(builder);
    }

    Reply send(String method, String path, String token, String ifMatch, String jsonBody)
            throws IOException, InterruptedException {
        return send(method, path, token, ifMatch, jsonBody == null ? null : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("content-type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
        return new Reply(response.statusCode(), type, json, response.headers().firstValue("ETag").orElse(null), response.body());
    }

    static Path copyFixture(Path target) {
        try {
            return Folders.copy(FIXTURE, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
