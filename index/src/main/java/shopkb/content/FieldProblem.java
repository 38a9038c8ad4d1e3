package shopkb.content;

/** A validation failure of one field of an entry, e.g. {@code {"field": "intent", "problem": "unknown intent x"}}. */
public record FieldProblem(String field, String problem) {
}
