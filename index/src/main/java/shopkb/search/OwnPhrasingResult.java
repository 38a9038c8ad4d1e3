package shopkb.search;

import java.util.List;

/**
 * One of the searching agent's own phrasings found for the message, shown beside the team's and marked as the agent's.
 *
 * @param snippet the text, HTML-escaped, the message's words in {@code <mark>}
 * @param matchedTerms the message's terms found in the title or text
 * @param own always true: what marks it as the agent's own in a response
 */
public record OwnPhrasingResult(String id, String title, String text, String shortcut, String snippet, List<String> matchedTerms,
                                boolean own) {
}
