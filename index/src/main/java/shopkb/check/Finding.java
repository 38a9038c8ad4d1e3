package shopkb.check;

import java.util.List;

/**
 * One problem in a draft reply.
 *
 * @param start offset of the span in the draft (UTF-16 units, as JavaScript counts)
 * @param end end of the span, exclusive; a {@code missing} finding spans the whole draft
 * @param replacement suggested rewrite of the span, or null
 * @param phrasingIds recommended phrasings instead
 */
public record Finding(String rule, int start, int end, String text, String message, String replacement,
                      List<String> phrasingIds) {
}
