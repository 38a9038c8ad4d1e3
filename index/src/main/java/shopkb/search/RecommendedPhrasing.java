package shopkb.search;

/**
 * A phrasing recommended beside the standard answer, with what the agent copies, so a page can offer it
 * without fetching the entry.
 *
 * @param text the text to copy, placeholders unfilled
 * @param shortcut the 快捷短语 code, or null
 */
public record RecommendedPhrasing(String id, String title, String text, String shortcut) {
}
