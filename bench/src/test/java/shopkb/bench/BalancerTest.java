package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancerTest {

    /** An address nothing listens on: a port the OS handed out, closed again. */
    private static URI deadServer() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void requestsTakeTurnsAndOneTheDeadServerCannotTakeGoesToTheOther() throws Exception {
        HttpServer live = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        live.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        try {
            URI dead = deadServer();
            URI alive = URI.create("http://127.0.0.1:" + live.getAddress().getPort());
            var balancer = new Balancer(Balancer.client(), List.of(dead, alive));

            assertEquals(List.of(dead, alive), balancer.nextOrder());
            assertEquals(List.of(alive, dead), balancer.nextOrder());
            for (int i = 0; i < 4; i++) {
                Balancer.Answer answer = balancer.get("/api/search?q=x");
                assertEquals(200, answer.response().statusCode());
                assertEquals(alive, answer.server());
                assertEquals(i % 2 == 0 ? 2 : 1, answer.tries(), "the dead server is first in turn every other time");
            }
        } finally {
            live.stop(0);
        }
    }

    @Test
    void whenNoServerCanBeReachedTheSearchFails() throws Exception {
        var balancer = new Balancer(Balancer.client(), List.of(deadServer(), deadServer()));

        assertThrows(IOException.class, () -> balancer.get("/api/search?q=x"));
    }
}
