package shopkb.opensearch.nodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Just enough of OpenSearch's REST API for tests: JSON in, status and JSON out. */
public final class NodeClient {

    /** A response: its status and its JSON body (a missing node when the body is empty). */
    public record Response(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final URI base;

    public NodeClient(URI base) {
        this.base = base;
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public Response put(String path, Object body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    public Response post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    /**
     * Sends {@code body} (anything Jackson writes, or null) as JSON.
     *
     * @param path with its query string, e.g. {@code /_cluster/health?wait_for_status=green}
     */
    public Response send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), parsed);
    }

    private static String json(Object body) throws JsonProcessingException {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
