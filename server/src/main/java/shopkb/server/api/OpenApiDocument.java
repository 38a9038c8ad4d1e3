package shopkb.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document as served: {@code openapi.json} (kept beside the handlers) describes each operation on a shop
 * once, at its default-shop path ({@code /api/search}); this adds the same operation at {@code /api/shops/{shop}/...}
 * with the shop as a path parameter, and the answers every shop operation can give: 401 for a token that is unknown,
 * 403 for a token that may not use the shop, 404 for a shop that does not exist. Everything else is served as written.
 */
final class OpenApiDocument {

    /** Operations on the server itself, not on one shop: served at their one path only. */
    private static final Set<String> SERVER_PATHS = Set.of("/api/shops", ShopRoutes.SHOP_PREFIX, "/api/tokens",
            "/api/tokens/{name}", "/api/whoami", "/api/ping", "/api/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {
    }

    static byte[] build() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            ObjectNode paths = (ObjectNode) document.get("paths");
            var perShop = new ArrayList<Map.Entry<String, JsonNode>>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!SERVER_PATHS.contains(path.getKey())) {
                    forEachOperation((ObjectNode) path.getValue(), operation -> {
                        add(operation, "401", "Unauthorized");
                        add(operation, "403", "Forbidden");
                    });
                    perShop.add(path);
                }
            }
            for (Map.Entry<String, JsonNode> path : perShop) {
                ObjectNode item = path.getValue().deepCopy();
                ArrayNode parameters = item.has("parameters") ? (ArrayNode) item.get("parameters") : item.putArray("parameters");
                parameters.insert(0, shopParameter());
                forEachOperation(item, operation -> {
                    add(operation, "404", "NotFound");
                    add(operation, "400", "BadRequest");
                });
                paths.set(ShopRoutes.SHOP_PREFIX + path.getKey().substring(ShopRoutes.DEFAULT_PREFIX.length()), item);
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode shopParameter() {
        ObjectNode shop = JSON.createObjectNode();
        shop.put("name", "shop").put("in", "path").put("required", true)
                .put("description", "the shop's name; /api/... without it is the default shop");
        shop.putObject("schema").put("type", "string").put("pattern", "^[a-z0-9][a-z0-9-]{0,39}$");
        return shop;
    }

    private static void forEachOperation(ObjectNode item, java.util.function.Consumer<ObjectNode> action) {
        item.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("parameters")) {
                action.accept((ObjectNode) field.getValue());
            }
        });
    }

    private static void add(ObjectNode operation, String status, String response) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + response);
        }
    }
}
