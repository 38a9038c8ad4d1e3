package shopkb.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.stream.Collectors;

/**
 * The on-disk format of content files: YAML, one entry per file, named {@code <id>.yaml}.
 *
 * <p>YAML because editors write long Chinese answers as block text without escaping quotes or newlines.
 * Unknown fields are rejected so a misspelt field name is reported instead of silently ignored.
 */
public final class ContentFormat {

    public static final String EXTENSION = ".yaml";
    public static final String INTENTS_FOLDER = "intents";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ContentFormat() {
    }

    public static ObjectMapper mapper() {
        return YAML;
    }

    public static Class<? extends Entry> classOf(EntryType type) {
        return switch (type) {
            case FAQ -> FaqEntry.class;
            case PHRASING -> PhrasingEntry.class;
            case POLICY -> PolicyEntry.class;
            case PRODUCT -> ProductEntry.class;
        };
    }

    /** The dotted field path a Jackson error points at ("sections[2].heading"), or null. */
    public static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).substring(1);
    }

    /** The first line of a Jackson message, without the source-location noise meant for developers. */
    public static String messageOf(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        var location = e.getLocation();
        return location == null ? message : message + " (line " + location.getLineNr() + ")";
    }
}
