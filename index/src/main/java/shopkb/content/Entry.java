package shopkb.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One knowledge-base entry, stored as one file named by its id.
 *
 * <p>The type is given by the folder the file sits in, so it is written on output but never read.
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public sealed interface Entry permits FaqEntry, PhrasingEntry, PolicyEntry, ProductEntry {

    String id();

    @JsonProperty("type")
    default String typeName() {
        return type().folder();
    }

    EntryType type();

    /** The buyer intent this entry answers, or null when it belongs to no single intent. */
    String intent();

    String scenario();

    /** A one-line title shown in result lists. */
    String displayTitle();

    /** Product codes this entry is about (empty when none). */
    List<String> productCodes();

    /** Leading and trailing white space of a text field never means anything (YAML block text ends in a newline). */
    static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** Null-safe copy of an optional list field, so records never hold null lists. */
    static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values.stream().map(v -> v == null ? "" : v).toList());
    }
}
