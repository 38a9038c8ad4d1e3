package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import shopkb.server.auth.Role;

/**
 * A token of shop A never reads, searches, edits or sees insight of shop B: every operation on a shop (taken from the
 * OpenAPI document, so a new one is covered the day it is documented), at shop B's path and at the default shop's, with
 * a reader's, an agent's and an editor's token of shop A, answers 403, never data and never an empty result. The same
 * requests from an admin are answered, so each would have carried B's data.
 */
class ShopIsolationTest {

    @TempDir
    static Path tmp;
    private static TestServer server;
    private static final Map<String, String> QUERY = Map.of("q", "包邮吗", "format", "csv", "days", "7");
    /** A body the operation accepts, by the end of its path; others get an empty object. */
    private static final Map<String, String> BODIES = Map.of(
            "/search", "{\"q\":\"包邮吗\"}",
            "/check", "{\"text\":\"晕,发申通\"}",
            "/entries", "{\"type\":\"phrasing\",\"id\":\"phr.iso\",\"scenario\":\"物流\",\"title\":\"隔离\",\"text\":\"亲,好的\"}",
            "/restore", "{\"version\":1}",
            "/add-similar", "{\"query\":\"能走极兔吗\",\"intent\":\"shipping.carriers\"}");

    /** One operation on a shop, as the document lists it. */
    private record Operation(String method, String template) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(tmp);
        for (String name : List.of("a", "b")) {
            var created = server.send("POST", "/api/shops", server.adminToken, null,
                    "{\"name\":\"" + name + "\",\"copyOf\":\"default\"}");
            assertEquals(201, created.status(), created.json().toString());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Operation> shopOperations() throws Exception {
        JsonNode paths = server.get("/api/openapi.json").json().get("paths");
        var operations = new ArrayList<Operation>();
        paths.properties().forEach(path -> {
            if (path.getKey().startsWith("/api/shops/{shop}/")) {
                path.getValue().properties().forEach(op -> {
                    if (!op.getKey().equals("parameters")) {
                        operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                    }
                });
            }
        });
        return operations;
    }

    /** The request of an operation at shop {@code shop}'s path ({@code null}: the default shop's {@code /api/...}). */
    private static TestServer.Reply send(Operation operation, String shop, String token) throws Exception {
        String path = operation.template().substring("/api/shops/{shop}".length())
                .replace("{id}", "faq.shipping.carriers").replace("{table}", "gaps");
        var query = new StringBuilder();
        QUERY.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String prefix = shop == null ? "/api" : "/api/shops/" + shop;
        String body = operation.method().equals("GET") || operation.method().equals("DELETE") ? null
                : BODIES.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse("{}");
        return server.send(operation.method(), prefix + path + query, token, "*", body);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfShopBRefusesEveryRoleOfShopA() throws Exception {
        Map<String, String> tokensOfA = Map.of(
                "reader", server.token("a-reader", Role.READER, "a"),
                "agent", server.token("a-agent", Role.AGENT, "a"),
                "editor", server.token("a-editor", Role.EDITOR, "a"));
        var tests = new ArrayList<DynamicTest>();
        for (Operation operation : shopOperations()) {
            for (var role : tokensOfA.entrySet()) {
                for (String shop : new String[] {"b", null}) {
                    String where = shop == null ? "the default shop" : "shop b";
                    tests.add(DynamicTest.dynamicTest(role.getKey() + " of a: " + operation + " in " + where, () -> {
                        TestServer.Reply reply = send(operation, shop, role.getValue());
                        assertEquals(403, reply.status(), operation + " " + where + " answered " + reply.status());
                        assertEquals("forbidden", reply.json().get("error").asText());
                        assertTrue(reply.json().get("message").asText().contains("may not use shop"), reply.json().toString());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theSameRequestsFromAnAdminAreAnsweredSoEachWouldHaveCarriedShopBsData() throws Exception {
        for (Operation operation : shopOperations()) {
            TestServer.Reply reply = send(operation, "b", server.adminToken);
            assertTrue(reply.status() != 401 && reply.status() != 403, operation + " answered " + reply.status());
            if (operation.method().equals("GET") && !operation.template().endsWith("/history")) {
                assertEquals(200, reply.status(), operation + ": " + (reply.json() == null ? "" : reply.json().toString()));
            }
        }
    }

    @Test
    void aShopsTokenWorksInItsShopAndListsOnlyIt() throws Exception {
        String reader = server.token("a-only", Role.READER, "a");
        TestServer.Reply search = server.send("GET", "/api/shops/a/search?q=" + URLEncoder.encode("包邮吗", StandardCharsets.UTF_8),
                reader, null, (String) null);
        assertEquals(200, search.status());
        assertFalse(search.json().get("results").isEmpty());
        JsonNode shops = server.send("GET", "/api/shops", reader, null, (String) null).json();
        assertEquals(1, shops.size());
        assertEquals("a", shops.get(0).get("name").asText());
    }
}
