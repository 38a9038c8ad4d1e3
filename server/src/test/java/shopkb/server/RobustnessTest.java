package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The short form of the robustness suite: bad input never gets a 5xx, concurrent editors never lose an update. */
class RobustnessTest {

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

    private static void assertAnswered(TestServer.Reply reply, String what) {
        assertTrue(reply.status() < 500, what + " got " + reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), what + " got " + reply.contentType());
    }

    @Test
    void fuzzedQueryStringsGetAResultOrAJsonErrorNeverA5xx() throws Exception {
        var random = new Random(20261123);
        String alphabet = "包邮吗顺丰退款亲的了?*:~^\\\"'()[]{}!+-&|/<>AND OR NOT 😀\u3000１２３%";
        for (int i = 0; i < 300; i++) {
            var text = new StringBuilder();
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String encoded = java.net.URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
            if (random.nextInt(5) == 0) {
                encoded += "%" + "0123456789ABCDEFGZ".charAt(random.nextInt(18)); // a broken percent-escape
            }
            String limit = List.of("", "&limit=0", "&limit=99999999999", "&limit=-1", "&limit=3", "&limit=%00").get(random.nextInt(6));
            assertAnswered(server.rawGet("/api/search?q=" + encoded + limit), "q=" + text);
        }
    }

    @Test
    void malformedBodiesAndPathTricksGetJsonErrors() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<String> bodies = List.of(deep, "{\"q\":" + deep + "}", "{\"q\": 5}", "{\"q\": [\"a\"]}", "null", "[]", "\"text\"",
                "{\"q\": \"包邮\", \"limit\": \"all\"}", "{\"q\": \"\\ud800\"}", "\u0000\u0001", "{\"text\": 1.5e308}");
        for (String body : bodies) {
            assertAnswered(server.post("/api/search", body), "search body " + body.substring(0, Math.min(20, body.length())));
            assertAnswered(server.post("/api/check", body), "check body");
            assertAnswered(server.send("POST", "/api/entries", server.editorToken, null, body), "entry body");
        }
        byte[] megabyte = new byte[1_100_000];
        java.util.Arrays.fill(megabyte, (byte) 'a');
        assertAnswered(server.send("POST", "/api/search", null, null, megabyte), "1 MB body");
        for (String path : List.of("/api/entries/..%2f..%2fetc%2fpasswd", "/api/entries/%2e%2e", "/api/entries/a%00b",
                "/api/entries/faq.shipping.carriers%2f..%2f..", "/api/entries/" + "x".repeat(500), "/api/entries/%ZZ")) {
            assertAnswered(server.rawGet(path), path);
        }
    }

    @Test
    void concurrentEditorsOnTheSameEntryNeverLoseAnAcknowledgedUpdate() throws Exception {
        String id = "faq.stock.availability";
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var conflicts = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 6; t++) {
            int editor = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 8; i++) {
                    try {
                        TestServer.Reply read = server.get("/api/entries/" + id);
                        var entry = (com.fasterxml.jackson.databind.node.ObjectNode) read.json();
                        String added = "编辑" + editor + "第" + i + "次加的问法";
                        ((com.fasterxml.jackson.databind.node.ArrayNode) entry.get("similar")).add(added);
                        TestServer.Reply written = server.send("PUT", "/api/entries/" + id, server.editorToken, read.etag(),
                                entry.toString());
                        if (written.status() == 200) {
                            acknowledged.add(added);
                        } else if (written.status() == 412) {
                            conflicts.incrementAndGet();
                        } else {
                            throw new AssertionError("unexpected status " + written.status());
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        JsonNode finalEntry = server.get("/api/entries/" + id).json();
        var similar = new ArrayList<String>();
        finalEntry.get("similar").forEach(n -> similar.add(n.asText()));
        assertTrue(similar.containsAll(acknowledged), "every acknowledged update is in the final entry");
        assertEquals(48, acknowledged.size() + conflicts.get());
        assertEquals(acknowledged.size(), server.get("/api/entries/" + id + "/history").json().size());
        String file = Files.readString(server.content.resolve("faq/" + id + ".yaml"));
        var onDisk = shopkb.content.ContentFormat.mapper().readValue(file, shopkb.content.FaqEntry.class);
        assertEquals(similar, onDisk.similar(), "the file is whole and matches what is served");
    }
}
