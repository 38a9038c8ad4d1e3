package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import shopkb.indexing.EngineUnavailableException;

/**
 * The cluster's REST API over plain HTTP and JSON, through any of its nodes: a request goes to the node that answered
 * last, and to the next one when that node cannot be reached (a node that died). Thread-safe.
 */
public final class ClusterClient {

    /** A response: its status and its JSON body (a missing node when the body is empty). */
    public record Response(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A search answer from every shard asked, in time: one missing a shard (a copy lost under it) is not whole. */
        public boolean whole() {
            JsonNode shards = body.path("_shards");
            return shards.path("successful").asInt(-1) == shards.path("total").asInt(-2) && shards.path("failed").asInt(-1) == 0
                    && !body.path("timed_out").asBoolean(true);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long a request is asked again while the cluster fails over: a node that died is noticed, a replica is
     * promoted (a few seconds on a 3-node cluster).
     */
    static final Duration FAILOVER_WINDOW = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> nodes;
    private final HttpClient http;
    /** The node asked first: the last one that answered. */
    private final AtomicInteger current = new AtomicInteger();

    /** @param nodes the REST addresses of some of the cluster's nodes, e.g. http://10.0.0.5:9200 */
    public ClusterClient(List<URI> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no OpenSearch node address given");
        }
        this.nodes = List.copyOf(nodes);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Addresses separated by commas, e.g. {@code http://a:9200,http://b:9200}. */
    public static ClusterClient of(String commaSeparated) {
        List<URI> uris = java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(ClusterClient::uri).toList();
        return new ClusterClient(uris);
    }

    private static URI uri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an OpenSearch address: '" + text + "'", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an OpenSearch address is http(s)://host:port, got '" + text + "'");
        }
        return uri;
    }

    public List<URI> nodes() {
        return nodes;
    }

    public Response get(String path) {
        return send("GET", path, "application/json", null);
    }

    public Response put(String path, JsonNode body) {
        return send("PUT", path, "application/json", body.toString());
    }

    public Response post(String path, JsonNode body) {
        return send("POST", path, "application/json", body.toString());
    }

    public Response delete(String path) {
        return send("DELETE", path, "application/json", null);
    }

    /** A bulk request: newline-delimited JSON, each line ending in a newline. */
    public Response bulk(String path, String ndjson) {
        return send("POST", path, "application/x-ndjson", ndjson);
    }

    /**
     * Creates an index of one shard, whose sequence numbers then order every write to it (see {@link ChangeFeed}), mapping
     * only the fields {@code properties} names (the rest of a document is kept, not indexed).
     *
     * @param autoExpandReplicas e.g. {@code 0-2}: a copy on each of up to three nodes
     * @return false when it exists already
     */
    boolean createOneShardIndex(String index, String autoExpandReplicas, java.util.function.Consumer<ObjectNode> properties) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("index.number_of_shards", 1);
        settings.put("index.auto_expand_replicas", autoExpandReplicas);
        ObjectNode mapping = body.putObject("mappings");
        mapping.put("dynamic", false);
        properties.accept(mapping.putObject("properties"));
        return createIndex(index, body);
    }

    /**
     * Creates an index (through the failover window).
     *
     * @return false when it exists already
     */
    private boolean createIndex(String index, JsonNode body) {
        Response created = throughFailover("creating " + index, () -> put("/" + index, body), answer -> true);
        if (created.ok()) {
            return true;
        }
        if (created.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
            return false;
        }
        throw new IllegalStateException("cannot create " + index + ": " + created.status() + " " + created.body());
    }

    /**
     * Sends a request until the cluster answers it, for up to {@link #FAILOVER_WINDOW}: no node reachable, 429, 5xx and an
     * answer that is not {@code whole} are asked again (so every request sent this way must be safe to repeat); a refusal
     * (another 4xx) is an answer.
     *
     * @param what the request, for the error
     * @throws EngineUnavailableException when the window passes without an answer
     */
    public Response throughFailover(String what, Supplier<Response> request, Predicate<Response> whole) {
        String last = "";
        long deadline = System.nanoTime() + FAILOVER_WINDOW.toNanos();
        int attempts = 0;
        while (attempts == 0 || System.nanoTime() < deadline) {
            attempts++;
            try {
                Response response = request.get();
                if (response.ok() ? whole.test(response) : response.status() < 500 && response.status() != 429) {
                    return response;
                }
                last = response.status() + " " + response.body();
            } catch (UncheckedIOException e) {
                last = e.getCause().getMessage(); // no node reachable: one may be back within the window
            }
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to ask the cluster again", e);
            }
        }
        throw new EngineUnavailableException("the cluster gave no complete answer to " + what + " in " + attempts
                + " attempts within " + FAILOVER_WINDOW.toSeconds() + " s; last: " + last);
    }

    /**
     * Sends the request to one node after the other, from the last that answered, until one answers.
     *
     * @throws UncheckedIOException when no node can be reached, naming each one's failure
     */
    private Response send(String method, String path, String contentType, String body) {
        var failures = new StringBuilder();
        int first = current.get();
        for (int i = 0; i < nodes.size(); i++) {
            int at = (first + i) % nodes.size();
            URI node = nodes.get(at);
            try {
                Response response = send(node, method, path, contentType, body);
                current.set(at);
                return response;
            } catch (IOException e) {
                failures.append("; ").append(node).append(": ").append(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking the OpenSearch cluster", e);
            }
        }
        throw new UncheckedIOException(new IOException("no OpenSearch node answered " + method + " " + path + failures));
    }

    private Response send(URI node, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(node.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), parsed);
    }
}
