package shopkb.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an agent did with a search result, as the web page reports it. */
public enum FeedbackAction {
    COPIED, CLICKED, HELPFUL, NOT_HELPFUL;

    /** The name on the wire: copied, clicked, helpful, not-helpful. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FeedbackAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }

    /** Its vote for the result in learning: a copy or a "helpful" counts for, "not helpful" against. */
    int vote() {
        return switch (this) {
            case COPIED, HELPFUL -> 1;
            case NOT_HELPFUL -> -1;
            case CLICKED -> 0;
        };
    }
}
