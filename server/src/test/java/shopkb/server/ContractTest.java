package shopkb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.server.auth.Role;

/**
 * Walks the OpenAPI document: every operation is called with good and bad requests, every operation on a shop both at
 * the default shop's path and at a second shop's, and every real response must have a documented status and match the
 * documented schema; every error is a schema-valid Error, including those Jetty writes before a request reaches the
 * application.
 */
class ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static TestServer server;
    private static JsonNode document;
    private static ObjectNode definitions;
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Operations called, as "GET /api/search". */
    private static final Set<String> called = new LinkedHashSet<>();
    private static final List<String> violations = new ArrayList<>();
    /** Operations on the server rather than on one shop: at one path only. */
    private static final Set<String> SERVER_OPERATIONS = Set.of("/api/openapi.json", "/api/whoami", "/api/ping", "/api/tokens",
            "/api/tokens/{name}");

    /** A response as it came off the wire. */
    record Wire(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(tmp);
        document = server.get("/api/openapi.json").json();
        // The document's component schemas become the validator's definitions, so their $refs resolve.
        definitions = (ObjectNode) JSON.readTree(JSON.writeValueAsString(document.path("components").path("schemas"))
                .replace("#/components/schemas/", "#/$defs/"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonSchema schema(JsonNode node) throws Exception {
        ObjectNode wrapper = (ObjectNode) JSON.readTree(JSON.writeValueAsString(node).replace("#/components/schemas/", "#/$defs/"));
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("$defs", definitions);
        return SCHEMAS.getSchema(wrapper);
    }

    /** Sends the request byte for byte and reads the whole response (Connection: close). */
    private static Wire raw(String method, String target, Map<String, String> headers, byte[] body) throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            var request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nConnection: close\r\n");
            if (!headers.containsKey("Host")) {
                request.append("Host: 127.0.0.1\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            String head = new String(response, StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.substring(0, end).lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:")).map(l -> l.substring(13).strip())
                    .findFirst().orElse("");
            byte[] payload = java.util.Arrays.copyOfRange(response, end + 4, response.length);
            boolean chunked = head.substring(0, end).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            return new Wire(status, type, chunked ? unchunk(payload) : payload);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length - 1; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return data.length;
    }

    /** Calls an operation and checks the response against the document; returns it for further checks. */
    /** The shop the walk addresses ({@code /api/shops/NAME/...}), or null for the default shop's {@code /api/...}. */
    private static String shop;

    /** A path of an operation on a shop, in the shop the walk addresses; operations on the server stay as they are. */
    private static String inShop(String path) {
        return shop == null ? path : "/api/shops/" + shop + path.substring("/api".length());
    }

    private static Wire call(String method, String template, String target, String token, Map<String, String> extra, String body)
            throws Exception {
        if (!template.startsWith("/api/shops") && !SERVER_OPERATIONS.contains(template)) {
            template = shop == null ? template : "/api/shops/{shop}" + template.substring("/api".length());
            target = inShop(target);
        }
        var headers = new LinkedHashMap<String, String>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extra);
        Wire wire = raw(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        check(method, template, target, wire);
        return wire;
    }

    private static Wire call(String method, String template, String target) throws Exception {
        return call(method, template, target, null, Map.of(), null);
    }

    private static void check(String method, String template, String target, Wire wire) throws Exception {
        String operation = method + " " + template;
        called.add(operation);
        String what = operation + " (" + target.substring(0, Math.min(80, target.length())) + ") -> " + wire.status();
        JsonNode op = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            violations.add(what + ": operation not documented");
            return;
        }
        JsonNode response = op.path("responses").path(String.valueOf(wire.status()));
        if (response.has("$ref")) {
            response = document.at(response.get("$ref").asText().substring(1));
        }
        if (response.isMissingNode()) {
            violations.add(what + ": status not documented");
            return;
        }
        if (wire.status() >= 400 && !wire.contentType().startsWith("application/json")) {
            violations.add(what + ": error is not JSON (" + wire.contentType() + ", '" + wire.text() + "')");
            return;
        }
        JsonNode documented = response.path("content").path("application/json").path("schema");
        if (wire.contentType().startsWith("application/json")) {
            if (documented.isMissingNode()) {
                violations.add(what + ": JSON body, none documented");
                return;
            }
            var errors = schema(documented).validate(JSON.readTree(wire.body()));
            if (!errors.isEmpty()) {
                violations.add(what + ": " + errors + " in " + wire.text().substring(0, Math.min(300, wire.text().length())));
            }
        }
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Calls every operation on a shop, at the default shop's paths or, with {@link #shop} set, that shop's. */
    private static void walkShopOperations(String editor, String reader) throws Exception {
        Map<String, String> none = Map.of();
        String phrasing = "{\"type\":\"phrasing\",\"id\":\"phr.contract\",\"intent\":\"shipping.carriers\",\"scenario\":\"物流\","
                + "\"title\":\"极兔\",\"text\":\"亲,可以发极兔哦\"}";

        call("GET", "/api/search", "/api/search?q=" + q("包邮吗") + "&limit=3");
        call("GET", "/api/search", "/api/search?q=");
        call("GET", "/api/search", "/api/search?limit=3");
        assertEquals("limit", JSON.readTree(call("GET", "/api/search", "/api/search?q=" + q("包邮吗") + "&limit=").body()).get("where").asText());
        call("GET", "/api/search", "/api/search?q=" + "x".repeat(70_000));
        assertEquals(200, call("GET", "/api/search", "/api/search?q=" + q("😀".repeat(2600))).status(), "2,600 emoji are 2,600 characters");
        assertEquals(400, call("GET", "/api/search", "/api/search?q=" + q("😀".repeat(5001))).status());
        call("POST", "/api/search", "/api/search", null, none, "{\"q\":\"包邮吗\"}");
        call("POST", "/api/search", "/api/search", null, Map.of("Content-Type", "text/plain"), "{\"q\":\"包邮吗\"}");
        call("POST", "/api/search", "/api/search", null, none, "{");
        call("POST", "/api/search", "/api/search", null, none, "{\"q\":\"" + "a".repeat(1_100_000) + "\"}");
        call("POST", "/api/search", "/api/search", null, Map.of("Origin", "http://evil.example"), "{\"q\":\"包邮吗\"}");

        call("POST", "/api/check", "/api/check", null, none, "{\"text\":\"晕,发申通\"}");
        call("POST", "/api/check", "/api/check", null, none, "{\"buyerMessage\":\"x\"}");
        call("POST", "/api/check", "/api/check", null, Map.of("Content-Type", "text/plain"), "{\"text\":\"x\"}");

        call("GET", "/api/entries", "/api/entries?type=faq");
        call("GET", "/api/entries", "/api/entries?type=nope");
        call("GET", "/api/intents", "/api/intents");
        call("POST", "/api/entries", "/api/entries", editor, none, phrasing);
        call("POST", "/api/entries", "/api/entries", editor, none, phrasing);
        call("POST", "/api/entries", "/api/entries", editor, none, "{\"type\":\"phrasing\",\"id\":\"phr.x\"}");
        call("POST", "/api/entries", "/api/entries", null, none, phrasing);
        call("POST", "/api/entries", "/api/entries", reader, none, phrasing);
        call("POST", "/api/entries", "/api/entries", editor, Map.of("Content-Type", "text/plain"), phrasing);
        String id = "/api/entries/{id}";
        call("GET", id, "/api/entries/phr.contract");
        call("GET", id, "/api/entries/no.such-entry");
        call("GET", id, "/api/entries/-bad");
        String etag = server.get(inShop("/api/entries/phr.contract")).etag();
        call("PUT", id, "/api/entries/phr.contract", editor, Map.of("If-Match", etag), phrasing.replace("极兔\"", "极兔快递\""));
        call("PUT", id, "/api/entries/phr.contract", editor, Map.of("If-Match", etag), phrasing);
        call("PUT", id, "/api/entries/phr.contract", editor, none, phrasing);
        call("PUT", id, "/api/entries/no.such-entry", editor, Map.of("If-Match", "\"x\""), phrasing.replace("phr.contract", "no.such-entry"));
        call("PUT", id, "/api/entries/phr.contract", null, Map.of("If-Match", etag), phrasing);
        Wire control = call("PUT", id, "/api/entries/phr.contract", editor, Map.of("If-Match", "\"a\u0001b\""), phrasing);
        assertEquals(400, control.status());
        call("GET", id + "/history", "/api/entries/phr.contract/history");
        call("GET", id + "/history", "/api/entries/no.such-entry/history");
        String current = server.get(inShop("/api/entries/phr.contract")).etag();
        call("POST", id + "/restore", "/api/entries/phr.contract/restore", editor, Map.of("If-Match", current), "{\"version\":1}");
        call("POST", id + "/restore", "/api/entries/phr.contract/restore", editor, Map.of("If-Match", current), "{\"version\":1}");
        call("POST", id + "/restore", "/api/entries/phr.contract/restore", editor, none, "{}");
        call("DELETE", id, "/api/entries/phr.contract", editor, none, null);
        call("DELETE", id, "/api/entries/phr.contract", editor, Map.of("If-Match", "\"stale\""), null);
        call("DELETE", id, "/api/entries/phr.contract", editor, Map.of("If-Match", server.get(inShop("/api/entries/phr.contract")).etag()), null);
        call("DELETE", id, "/api/entries/phr.contract", editor, Map.of("If-Match", "\"x\""), null);

        String sheet = "标准问题,意图,答案\n能发极兔吗,shipping.carriers,可以\n";
        call("POST", "/api/import", "/api/import?format=csv&dryRun=true", editor, Map.of("Content-Type", "text/csv"), sheet);
        call("POST", "/api/import", "/api/import?format=csv", editor, Map.of("Content-Type", "text/csv"), sheet + "没有意图的问题,,x\n");
        call("POST", "/api/import", "/api/import?format=doc", editor, Map.of("Content-Type", "text/csv"), sheet);
        call("POST", "/api/import", "/api/import?format=csv", null, Map.of("Content-Type", "text/csv"), sheet);
        call("GET", "/api/export", "/api/export?format=csv");
        call("GET", "/api/export", "/api/export?format=doc");

        String queryId = server.get(inShop("/api/search?q=" + q("包邮吗"))).json().get("queryId").asText();
        call("POST", "/api/feedback", "/api/feedback", null, none,
                "{\"queryId\":\"" + queryId + "\",\"resultId\":\"faq.shipping.carriers\",\"action\":\"copied\"}");
        call("POST", "/api/feedback", "/api/feedback", null, none, "{\"queryId\":\"x\",\"resultId\":\"faq.shipping.carriers\",\"action\":\"copied\"}");
        call("POST", "/api/feedback", "/api/feedback", null, Map.of("Content-Type", "text/plain"), "{}");
        call("GET", "/api/insight", "/api/insight?days=7", editor, none, null);
        assertEquals("days", JSON.readTree(call("GET", "/api/insight", "/api/insight?days=", editor, none, null).body()).get("where").asText());
        call("GET", "/api/insight", "/api/insight", null, none, null);
        call("GET", "/api/insight", "/api/insight", reader, none, null);
        call("GET", "/api/insight/{table}.csv", "/api/insight/gaps.csv", editor, none, null);
        call("GET", "/api/insight/{table}.csv", "/api/insight/nope.csv", editor, none, null);
        call("GET", "/api/insight/{table}.csv", "/api/insight/gaps.csv?days=", editor, none, null);
        call("POST", "/api/insight/add-similar", "/api/insight/add-similar", editor, none, "{\"query\":\"能走极兔吗\",\"intent\":\"shipping.carriers\"}");
        call("POST", "/api/insight/add-similar", "/api/insight/add-similar", editor, none, "{\"query\":\"\",\"intent\":\"shipping.carriers\"}");

        String own = "{\"title\":\"我的包邮\",\"text\":\"亲,满99包邮哦,我是{客服昵称}\",\"shortcut\":\"/my\"}";
        Wire mine = call("POST", "/api/phrasings/mine", "/api/phrasings/mine", editor, none, own);
        call("POST", "/api/phrasings/mine", "/api/phrasings/mine", editor, none, "{\"title\":\"\",\"text\":\"亲\"}");
        call("POST", "/api/phrasings/mine", "/api/phrasings/mine", null, none, own);
        call("POST", "/api/phrasings/mine", "/api/phrasings/mine", reader, none, own);
        call("POST", "/api/phrasings/mine", "/api/phrasings/mine", editor, Map.of("Content-Type", "text/plain"), own);
        call("GET", "/api/phrasings/mine", "/api/phrasings/mine", editor, none, null);
        call("GET", "/api/phrasings/mine", "/api/phrasings/mine", reader, none, null);
        String ownId = JSON.readTree(mine.body()).get("id").asText();
        String ownPath = "/api/phrasings/mine/" + ownId;
        call("PUT", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "*"), own.replace("满99", "满88"));
        call("PUT", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "\"stale\""), own);
        call("PUT", "/api/phrasings/mine/{id}", ownPath, editor, none, own);
        call("PUT", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "*"), "{\"title\":\"x\",\"text\":\"{坏\"}");
        call("PUT", "/api/phrasings/mine/{id}", "/api/phrasings/mine/own.0000000000", editor, Map.of("If-Match", "*"), own);
        Wire suggested = call("POST", "/api/phrasings/mine/{id}/suggest", ownPath + "/suggest", editor, none, "{\"note\":\"买家常问\"}");
        Wire another = call("POST", "/api/phrasings/mine/{id}/suggest", ownPath + "/suggest", editor, none, "{}");
        call("POST", "/api/phrasings/mine/{id}/suggest", ownPath + "/suggest", editor, none, "{\"note\":\"" + "长".repeat(201) + "\"}");
        call("POST", "/api/phrasings/mine/{id}/suggest", "/api/phrasings/mine/own.0000000000/suggest", editor, none, "{}");
        call("GET", "/api/suggestions", "/api/suggestions", editor, none, null);
        call("GET", "/api/suggestions", "/api/suggestions", reader, none, null);
        String accept = "/api/suggestions/" + JSON.readTree(suggested.body()).get("id").asText() + "/accept";
        call("POST", "/api/suggestions/{id}/accept", accept, editor, none, "{}");
        call("POST", "/api/suggestions/{id}/accept", accept, editor, none, "{\"scenario\":\"物流\",\"id\":\"phr.shipping.carriers\"}");
        call("POST", "/api/suggestions/{id}/accept", accept, reader, none, "{\"scenario\":\"物流\"}");
        call("POST", "/api/suggestions/{id}/accept", accept, editor, none, "{\"scenario\":\"物流\",\"intent\":\"shipping.free-shipping\"}");
        call("POST", "/api/suggestions/{id}/accept", accept, editor, none, "{\"scenario\":\"物流\"}");
        String dismiss = "/api/suggestions/" + JSON.readTree(another.body()).get("id").asText() + "/dismiss";
        call("POST", "/api/suggestions/{id}/dismiss", dismiss, editor, none, null);
        call("POST", "/api/suggestions/{id}/dismiss", dismiss, editor, none, null);
        call("DELETE", "/api/phrasings/mine/{id}", ownPath, editor, none, null);
        call("DELETE", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "\"stale\""), null);
        call("DELETE", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "*"), null);
        call("DELETE", "/api/phrasings/mine/{id}", ownPath, editor, Map.of("If-Match", "*"), null);

        call("GET", "/api/health", "/api/health");
        call("GET", "/api/health", "/api/health", null, Map.of("Host", "evil.example"), null);
        // Headers too large for Jetty: refused before routing, still a documented JSON error.
        call("GET", "/api/health", "/api/health", null, Map.of("X-Padding", "p".repeat(70_000)), null);
    }

    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        Map<String, String> none = Map.of();
        walkShopOperations(server.editorToken, server.readerToken);

        call("GET", "/api/openapi.json", "/api/openapi.json");
        call("GET", "/api/whoami", "/api/whoami", server.readerToken, none, null);
        call("GET", "/api/whoami", "/api/whoami", null, none, null);
        call("GET", "/api/ping", "/api/ping");

        String admin = server.adminToken;
        call("GET", "/api/shops", "/api/shops");
        call("GET", "/api/shops", "/api/shops", "kb_unknown", none, null);
        call("POST", "/api/shops", "/api/shops", admin, none, "{\"name\":\"second\",\"title\":\"第二家\",\"copyOf\":\"default\"}");
        call("POST", "/api/shops", "/api/shops", admin, none, "{\"name\":\"second\"}");
        call("POST", "/api/shops", "/api/shops", admin, none, "{\"name\":\"Bad Name\"}");
        call("POST", "/api/shops", "/api/shops", server.editorToken, none, "{\"name\":\"third\"}");
        call("POST", "/api/shops", "/api/shops", null, none, "{\"name\":\"third\"}");
        call("POST", "/api/shops", "/api/shops", admin, Map.of("Content-Type", "text/plain"), "{\"name\":\"third\"}");
        call("POST", "/api/shops", "/api/shops", admin, none, "{\"name\":\"gone\"}");
        call("DELETE", "/api/shops/{shop}", "/api/shops/gone", admin, none, null);
        call("DELETE", "/api/shops/{shop}", "/api/shops/gone", admin, none, null);
        call("DELETE", "/api/shops/{shop}", "/api/shops/second", server.editorToken, none, null);
        call("DELETE", "/api/shops/{shop}", "/api/shops/second", null, none, null);
        call("DELETE", "/api/shops/{shop}", "/api/shops/default", admin, none, null);
        call("GET", "/api/tokens", "/api/tokens", admin, none, null);
        call("GET", "/api/tokens", "/api/tokens", server.editorToken, none, null);
        call("GET", "/api/tokens", "/api/tokens", null, none, null);
        Wire added = call("POST", "/api/tokens", "/api/tokens", admin, none, "{\"name\":\"carl\",\"role\":\"editor\",\"shops\":[\"second\"]}");
        assertEquals(201, added.status(), added.text());
        call("POST", "/api/tokens", "/api/tokens", admin, none, "{\"name\":\"carl\",\"role\":\"editor\",\"shops\":[\"second\"]}");
        call("POST", "/api/tokens", "/api/tokens", admin, none, "{\"name\":\"dora\",\"role\":\"chief\",\"shops\":[\"second\"]}");
        call("POST", "/api/tokens", "/api/tokens", server.editorToken, none, "{\"name\":\"dora\",\"role\":\"reader\",\"shops\":[\"*\"]}");
        call("POST", "/api/tokens", "/api/tokens", null, none, "{\"name\":\"dora\",\"role\":\"reader\",\"shops\":[\"*\"]}");
        call("POST", "/api/tokens", "/api/tokens", admin, Map.of("Content-Type", "text/plain"), "{}");
        call("DELETE", "/api/tokens/{name}", "/api/tokens/nobody", admin, none, null);
        call("DELETE", "/api/tokens/{name}", "/api/tokens/carl", server.editorToken, none, null);
        call("DELETE", "/api/tokens/{name}", "/api/tokens/carl", null, none, null);
        call("DELETE", "/api/tokens/{name}", "/api/tokens/carl", admin, none, null);

        String secondEditor = server.token("erin", Role.EDITOR, "second");
        String secondReader = server.token("finn", Role.READER, "second");
        assertEquals(403, call("GET", "/api/search", "/api/search?q=" + q("包邮吗"), secondReader, none, null).status());
        assertEquals(404, call("GET", "/api/shops/{shop}/search", "/api/shops/nowhere/search?q=x").status());
        assertEquals(400, call("GET", "/api/shops/{shop}/search", "/api/shops/Bad_/search?q=x").status());
        shop = "second";
        try {
            walkShopOperations(secondEditor, secondReader);
        } finally {
            shop = null;
        }

        var undocumented = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (!op.getKey().equals("parameters") && !called.contains(operation)) {
                undocumented.add(operation);
            }
        }));
        assertEquals(List.of(), undocumented, "operations the walk did not call");
        assertEquals(List.of(), violations);
    }

    @Test
    void jettyLevelErrorsAreSchemaValidJsonErrors() throws Exception {
        JsonSchema error = schema(JSON.readTree("{\"$ref\": \"#/components/schemas/Error\"}"));
        for (Wire wire : List.of(
                raw("GET", "/api/search?q=" + "x".repeat(70_000), Map.of(), null),
                raw("GET", "/api/health", Map.of("X-Padding", "p".repeat(70_000)), null),
                raw("GET", "/api/health", Map.of("Bad Header", "x"), null),
                raw("GET", "/api/entries/faq.shipping.carriers", Map.of("If-Match", "\"\u0007\""), null))) {
            assertTrue(wire.status() >= 400 && wire.status() < 500, wire.status() + " " + wire.text());
            assertTrue(wire.contentType().startsWith("application/json"), wire.status() + " " + wire.contentType() + " " + wire.text());
            var errors = error.validate(JSON.readTree(wire.body()));
            assertTrue(errors.isEmpty(), wire.status() + " " + errors + " in " + wire.text());
        }
    }
}
