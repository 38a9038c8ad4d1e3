package shopkb.search;

import java.util.List;
import java.util.Map;

/**
 * One ranked entry. Common fields first; the type-specific ones are null for other types.
 *
 * @param snippet the matching question, section or text, HTML-escaped, matched terms in {@code <mark>}
 * @param matchedTerms the buyer's terms found in the snippet source, for highlighting
 * @param matchedBy which signals found the entry: {@code words} (the lexical chain), {@code meaning} (sentence
 *                  vectors), or both
 * @param answer FAQ: the standard answer, to send
 * @param note FAQ: guidance for the agent, not to send
 * @param phrasingIds FAQ: up to five recommended phrasings for the intent, in id order
 * @param text phrasing: the text to copy, placeholders unfilled
 * @param shortcut phrasing: short code
 * @param section policy: heading of the matching section
 * @param code product: product code
 * @param attributes product: facts
 * @param sizeAdvice product: how to choose a size
 * @param care product: washing and care
 */
public record SearchResult(
        String id,
        String type,
        String intent,
        String scenario,
        String title,
        String snippet,
        double score,
        List<String> matchedTerms,
        List<String> matchedBy,
        String answer,
        String note,
        List<String> phrasingIds,
        String text,
        String shortcut,
        String section,
        String code,
        Map<String, String> attributes,
        String sizeAdvice,
        String care) {
}
