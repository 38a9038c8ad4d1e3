package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow or stalled clients (slowloris on request bodies) never hold what other clients need. */
class SlowClientTest {

    /** More than the 250 request threads Jetty's default pool has, as in the attack that was reported. */
    private static final int SLOW_CONNECTIONS = 300;

    @TempDir
    static Path tmp;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private Socket slowPost(String path, int contentLength) throws IOException {
        var socket = new Socket("127.0.0.1", server.port());
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void searchesAnswerWithinASecondWhileHundredsOfClientsTrickleTheirBodies() throws Exception {
        var slow = new ArrayList<Socket>();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(slowPost("/api/search", 400));
            }
            String q = URLEncoder.encode("你们发什么快递", StandardCharsets.UTF_8);
            long attackEnds = System.nanoTime() + 8_000_000_000L;
            var took = new ArrayList<Long>();
            while (System.nanoTime() < attackEnds) {
                for (Socket socket : slow) {
                    trickle(socket);
                }
                long start = System.nanoTime();
                TestServer.Reply reply = server.get("/api/search?q=" + q, java.time.Duration.ofSeconds(5));
                took.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(200, reply.status());
                Thread.sleep(500);
            }
            long worst = took.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(worst < 1000, "searches during the attack took " + took + " ms");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatNeverCompletesIsCutOffWithAJsonTimeout() throws Exception {
        try (Socket socket = slowPost("/api/search", 400)) {
            socket.setSoTimeout(30_000);
            long start = System.nanoTime();
            var response = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            // One byte every half second: never stalled long enough for an idle timeout, never done.
            while (!response.isDone()) {
                trickle(socket);
                assertTrue(System.nanoTime() - start < 25_000_000_000L, "the slow body was not cut off");
                Thread.sleep(500);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            String text = response.get();
            assertTrue(text.startsWith("HTTP/1.1 408"), text);
            assertTrue(text.contains("\"error\":\"request_timeout\""), text);
            assertTrue(seconds <= KbApplication.BODY_SECONDS + 2, "cut off after " + seconds + " s");
        }
    }

    @Test
    void aClientThatDropsMidBodyLeavesAtMostOneShortLogLine() throws Exception {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = slowPost("/api/search", 400);
                Thread.sleep(200);
                socket.close();
            }
            Thread.sleep(1500);
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        String shown = lines.stream().limit(5).map(l -> l.substring(0, Math.min(200, l.length()))).toList().toString();
        assertTrue(lines.size() <= 3, lines.size() + " log lines for 3 dropped clients: " + shown);
        assertTrue(lines.stream().allMatch(l -> l.length() < 200 && !l.contains("Exception")), "log lines: " + shown);
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the server cut this connection off: that is allowed
        }
    }

    /** Writes to the original stream and keeps a copy. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
