package shopkb.personal;

/**
 * An agent's phrasing put in front of the shop's editors: a copy of it as it was when suggested (the agent may change
 * or delete their own afterwards), and what became of it.
 *
 * @param state open, accepted or dismissed
 * @param decidedBy the editor who accepted or dismissed it
 * @param entryId the team phrasing it became, once accepted
 */
public record Suggestion(String id, String agent, String title, String text, String shortcut, String note, String at,
                         String state, String decidedBy, String entryId) {

    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String DISMISSED = "dismissed";

    Suggestion decided(String newState, String by, String entry) {
        return new Suggestion(id, agent, title, text, shortcut, note, at, newState, by, entry);
    }
}
