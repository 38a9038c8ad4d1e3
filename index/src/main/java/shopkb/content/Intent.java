package shopkb.content;

/**
 * A buyer intent declared in the content; FAQ entries, phrasings and policy sections point at it.
 *
 * @param id stable id used by outside tools, e.g. {@code shipping.carriers}
 * @param question the standard question of the intent
 */
public record Intent(String id, String scenario, String question, String description) {
}
