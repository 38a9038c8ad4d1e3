package shopkb.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import shopkb.content.ContentFingerprint;
import shopkb.content.ContentFormat;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.content.FieldProblem;

/** Converts entries between the API's JSON, the content files' YAML, and version tags. */
public final class EntryCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private EntryCodec() {
    }

    /**
     * Reads an entry from a JSON object carrying {@code "type"}; binding errors become field problems.
     *
     * @throws ValidationFailedException when the type is missing or unknown or the fields do not bind
     */
    public static Entry fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ValidationFailedException(List.of(new FieldProblem("body", "a JSON object is required")));
        }
        JsonNode typeNode = node.get("type");
        EntryType type = typeNode == null ? null : EntryType.fromName(typeNode.asText()).orElse(null);
        if (type == null) {
            throw new ValidationFailedException(List.of(new FieldProblem("type", "required: faq, phrasing, policy or product")));
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        try {
            return JSON.treeToValue(fields, ContentFormat.classOf(type));
        } catch (JsonProcessingException e) {
            String field = ContentFormat.fieldOf(e);
            throw new ValidationFailedException(List.of(new FieldProblem(field == null ? "body" : field,
                    e.getOriginalMessage().split("\n")[0].replaceAll(" \\(class [^)]*\\)", ""))));
        }
    }

    /** The YAML file text of an entry: its fields without the type (the folder says it), empty fields left out. */
    public static byte[] toYaml(Entry entry) {
        ObjectNode node = ContentFormat.mapper().valueToTree(entry);
        node.remove("type");
        prune(node);
        try {
            return ContentFormat.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry always serialises", e);
        }
    }

    /** A version tag of the entry's content, independent of formatting: quoted for an HTTP ETag. */
    public static String etag(Entry entry) {
        try {
            byte[] canonical = JSON.writeValueAsString(JSON.valueToTree(entry)).getBytes(StandardCharsets.UTF_8);
            return "\"" + HexFormat.of().formatHex(ContentFingerprint.hash(entry.id(), canonical), 0, 12) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes nulls, empty strings, empty lists and empty objects, so files hold only what was written. */
    private static void prune(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            if (value.isObject()) {
                prune((ObjectNode) value);
            }
            if (value.isArray()) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        prune((ObjectNode) item);
                    }
                });
            }
            if (value.isNull() || (value.isTextual() && value.asText().isEmpty()) || (value.isContainerNode() && value.isEmpty())) {
                fields.remove();
            }
        }
    }
}
