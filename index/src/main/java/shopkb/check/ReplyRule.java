package shopkb.check;

import java.util.List;

/**
 * A phrasing rule from {@code faq-content/rules/}: what a draft reply must not say (or, for {@code missing},
 * must say), when, and what to say instead.
 *
 * @param kind {@code match}: each match of a pattern is a finding; {@code missing}: the draft is a finding when
 *             no pattern matches (an after-sale reply without an apology)
 * @param patterns Java regular expressions, applied to the draft after traditional → simplified folding
 * @param unless a match inside a match of one of these is not a finding (我不会让您失望)
 * @param replacement text that replaces the matched span, when a rewrite is possible
 * @param phrasings ids of recommended phrasings to use instead
 * @param when the context the rule applies in; null for always
 */
public record ReplyRule(String id, String kind, String message, List<String> patterns, List<String> unless,
                        String replacement, List<String> phrasings, When when) {

    /**
     * @param buyer the buyer's message must match one of these (e.g. an after-sale complaint)
     * @param draft or the draft itself must match one of these
     * @param scenario or the scenario given with the check is one of these
     */
    public record When(List<String> buyer, List<String> draft, List<String> scenario) {

        public When {
            buyer = buyer == null ? List.of() : List.copyOf(buyer);
            draft = draft == null ? List.of() : List.copyOf(draft);
            scenario = scenario == null ? List.of() : List.copyOf(scenario);
        }
    }

    public ReplyRule {
        kind = kind == null ? "match" : kind;
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        unless = unless == null ? List.of() : List.copyOf(unless);
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
    }
}
