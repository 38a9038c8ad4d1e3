package shopkb.usage;

import java.util.List;

/**
 * What editors learn from the usage log over the last {@code days}: what is asked, what the knowledge base
 * does not answer yet, and which answers and phrasings agents actually use.
 *
 * @param searches searches logged in the period
 * @param confidentSearches of those, searches with a confident top answer
 * @param topQueries most asked message patterns
 * @param gaps messages without a confident answer, grouped when they ask the same thing
 * @param neverCopied FAQ answers and phrasings no agent copied in the period, most shown first
 * @param phrasingCopyRates per phrasing: how often it was shown and copied
 * @param intentVolume searches per day per intent of the top result
 */
public record Insight(int days, long searches, long confidentSearches, List<TopQuery> topQueries, List<GapGroup> gaps,
                      List<UnusedEntry> neverCopied, List<PhrasingUse> phrasingCopyRates, List<IntentDay> intentVolume) {

    /** A message pattern with its commonest wording. */
    public record TopQuery(String pattern, String example, long count, double confidentShare) {
    }

    /** Unanswered messages that ask the same thing; {@code suggestedIntent} is the intent most often ranked first. */
    public record GapGroup(String example, long count, List<String> variants, String suggestedIntent) {
    }

    /** An answer or phrasing never copied in the period, and how often it was shown. */
    public record UnusedEntry(String id, String type, String title, long shown) {
    }

    /** A phrasing's use: shown in results, copied, and the ratio. */
    public record PhrasingUse(String id, String title, long shown, long copied, double copyRate) {
    }

    /** Searches on one day whose top result belonged to one intent. */
    public record IntentDay(String intent, String day, long searches) {
    }
}
