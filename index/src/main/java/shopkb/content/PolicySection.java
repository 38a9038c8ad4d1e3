package shopkb.content;

/**
 * One section of a policy; searched on its own so a hit can show just the matching section.
 *
 * @param intent the buyer intent this section answers, or null
 */
public record PolicySection(String heading, String text, String intent) {

    public PolicySection {
        text = Entry.stripped(text);
    }
}
