package shopkb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of several servers does for a client: each request goes to the next server in turn, and
 * a search that cannot reach its server (refused, reset, timed out) is sent to the next one. Only what no server answered
 * is the client's failure.
 */
final class Balancer {

    /** Longer than a server's own failover window (10 s), so a search the server retries through is not cut short. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A response, the server that gave it, and how many servers were tried for it (1: the first in turn answered). */
    record Answer(HttpResponse<String> response, URI server, int tries) {
    }

    private final HttpClient http;
    private final List<URI> servers;
    private final AtomicInteger turn = new AtomicInteger();

    Balancer(HttpClient http, List<URI> servers) {
        this.http = http;
        this.servers = List.copyOf(servers);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    HttpClient http() {
        return http;
    }

    /** The servers in the order the next request tries them: the next in turn first, then the others. */
    List<URI> nextOrder() {
        int first = Math.floorMod(turn.getAndIncrement(), servers.size());
        var order = new ArrayList<URI>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            order.add(servers.get((first + i) % servers.size()));
        }
        return order;
    }

    /**
     * GET {@code pathAndQuery} from the next server in turn, from the next one when it cannot be reached.
     *
     * @throws IOException the last server's failure, when none could be reached
     */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        IOException last = null;
        int tries = 0;
        for (URI server : nextOrder()) {
            tries++;
            try {
                HttpRequest request = HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).build();
                return new Answer(http.send(request, HttpResponse.BodyHandlers.ofString()), server, tries);
            } catch (IOException e) {
                last = e; // a GET is safe to send again, to another server
            }
        }
        throw last;
    }
}
