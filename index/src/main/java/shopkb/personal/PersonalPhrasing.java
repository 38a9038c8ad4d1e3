package shopkb.personal;

import java.util.List;
import shopkb.content.PhrasingEntry;

/**
 * An agent's own phrasing (个人快捷短语): title, text with named placeholders such as {客服昵称}, and an optional short
 * code, as a team phrasing has; seen by its owner only.
 *
 * @param created when it was first saved (ISO-8601)
 * @param updated when it was last changed
 */
public record PersonalPhrasing(String id, String title, String text, String shortcut, String created, String updated) {

    /** The scenario checks and team phrasings made from it are given; editors choose the real one when accepting. */
    static final String SCENARIO = "个人";

    /** As a phrasing of the team, so the same rules check it (lengths, placeholders, short code, odd characters). */
    PhrasingEntry asPhrasing() {
        return new PhrasingEntry(id, null, SCENARIO, title, text, null, List.of(), shortcut, List.of());
    }
}
