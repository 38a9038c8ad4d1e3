package shopkb.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shopkb.analysis.TextNormalizer;

/**
 * Checks a draft reply against the shop's phrasing rules before the agent sends it. Drafts and buyer
 * messages are folded char for char (traditional → simplified, full-width, case), so spans found in the
 * folded text are spans of the original.
 */
public final class ReplyChecker {

    /** Longest draft checked; a chat reply is far shorter. */
    public static final int MAX_DRAFT_CHARS = 5000;
    private final Supplier<RuleSet> rules;
    private final LikeBadPhrasing meaning;

    public ReplyChecker(Supplier<RuleSet> rules) {
        this(rules, null);
    }

    /**
     * @param meaning also flags sentences that mean the same as a bad phrasing; null for the rules only
     */
    public ReplyChecker(Supplier<RuleSet> rules, LikeBadPhrasing meaning) {
        this.rules = rules;
        this.meaning = meaning;
    }

    public List<Finding> check(String draft, String buyerMessage, String scenario) {
        String text = TextNormalizer.fold(draft);
        String buyer = buyerMessage == null ? "" : TextNormalizer.fold(buyerMessage);
        var findings = new ArrayList<Finding>();
        var patternFindings = new ArrayList<Finding>();
        for (RuleSet.Compiled compiled : rules.get().rules()) {
            ReplyRule rule = compiled.rule();
            if (!applies(compiled, text, buyer, scenario)) {
                continue;
            }
            if (rule.kind().equals("missing")) {
                boolean present = compiled.patterns().stream().anyMatch(p -> p.matcher(text).find());
                if (!present && !text.isBlank()) {
                    findings.add(new Finding(rule.id(), 0, draft.length(), draft, rule.message(), rule.replacement(), rule.phrasings()));
                }
                continue;
            }
            for (Pattern pattern : compiled.patterns()) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    if (matcher.end() == matcher.start() || excused(compiled, text, matcher.start(), matcher.end())) {
                        continue;
                    }
                    int start = matcher.start();
                    int end = matcher.end();
                    boolean overlaps = findings.stream().anyMatch(f -> f.rule().equals(rule.id()) && f.start() < end && start < f.end());
                    if (!overlaps) {
                        var finding = new Finding(rule.id(), start, end, draft.substring(start, end), rule.message(),
                                rule.replacement(), rule.phrasings());
                        findings.add(finding);
                        patternFindings.add(finding);
                    }
                }
            }
        }
        if (meaning != null) {
            findings.addAll(meaning.find(draft, patternFindings));
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
        return findings;
    }

    private static boolean applies(RuleSet.Compiled compiled, String draft, String buyer, String scenario) {
        ReplyRule.When when = compiled.rule().when();
        if (when == null || (when.buyer().isEmpty() && when.draft().isEmpty() && when.scenario().isEmpty())) {
            return true;
        }
        return compiled.buyer().stream().anyMatch(p -> p.matcher(buyer).find())
                || compiled.draft().stream().anyMatch(p -> p.matcher(draft).find())
                || (scenario != null && when.scenario().contains(scenario));
    }

    /** A match inside a match of an "unless" expression is a good form, not a finding. */
    private static boolean excused(RuleSet.Compiled compiled, String text, int start, int end) {
        for (Pattern unless : compiled.unless()) {
            Matcher matcher = unless.matcher(text);
            while (matcher.find()) {
                if (matcher.start() <= start && end <= matcher.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
