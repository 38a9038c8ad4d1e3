package shopkb.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Precision and recall of the reply rules over labelled drafts: a file of
 * {@code draft<TAB>buyerMessage<TAB>rule,rule} lines ({@code -} for a good draft). A rule counts once per draft.
 */
public final class CheckEvaluator {

    /** A labelled draft. */
    public record LabelledDraft(int line, String draft, String buyerMessage, Set<String> rules) {
    }

    /** Counts for one rule, or for all rules together. */
    public record Score(String rule, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1 : (double) truePositives / found;
        }

        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1 : (double) truePositives / expected;
        }
    }

    /** Per-rule scores, the overall (micro-averaged) score, and the drafts that were wrong. */
    public record Report(List<Score> rules, Score overall, List<String> errors) {
    }

    private CheckEvaluator() {
    }

    public static List<LabelledDraft> readTsv(Path file) throws IOException {
        var drafts = new ArrayList<LabelledDraft>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("draft\t"))) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                throw new IOException(file + " line " + (i + 1) + ": expected draft<TAB>buyerMessage<TAB>rules");
            }
            Set<String> rules = parts[2].strip().equals("-") ? Set.of()
                    : Arrays.stream(parts[2].split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            drafts.add(new LabelledDraft(i + 1, parts[0], parts[1].isBlank() ? null : parts[1], rules));
        }
        return drafts;
    }

    public static Report evaluate(ReplyChecker checker, List<LabelledDraft> drafts) {
        var tp = new TreeMap<String, Integer>();
        var fp = new TreeMap<String, Integer>();
        var fn = new TreeMap<String, Integer>();
        var errors = new ArrayList<String>();
        for (LabelledDraft draft : drafts) {
            Set<String> found = checker.check(draft.draft(), draft.buyerMessage(), null).stream()
                    .map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
            // The meaning finding names no rule: it is right on any bad draft, and wrong on a good one.
            if (found.remove(LikeBadPhrasing.RULE)) {
                (draft.rules().isEmpty() ? fp : tp).merge(LikeBadPhrasing.RULE, 1, Integer::sum);
                if (draft.rules().isEmpty()) {
                    errors.add("line " + draft.line() + ": " + draft.draft() + "  is good, found " + LikeBadPhrasing.RULE);
                }
            }
            for (String rule : found) {
                (draft.rules().contains(rule) ? tp : fp).merge(rule, 1, Integer::sum);
            }
            for (String rule : draft.rules()) {
                if (!found.contains(rule)) {
                    fn.merge(rule, 1, Integer::sum);
                }
            }
            if (!found.equals(new TreeSet<>(draft.rules()))) {
                errors.add("line " + draft.line() + ": " + draft.draft() + "  expected " + new TreeSet<>(draft.rules())
                        + " found " + found);
            }
        }
        var names = new TreeSet<String>();
        names.addAll(tp.keySet());
        names.addAll(fp.keySet());
        names.addAll(fn.keySet());
        List<Score> scores = names.stream().map(r -> new Score(r, tp.getOrDefault(r, 0), fp.getOrDefault(r, 0),
                fn.getOrDefault(r, 0))).toList();
        Score overall = new Score("overall", scores.stream().mapToInt(Score::truePositives).sum(),
                scores.stream().mapToInt(Score::falsePositives).sum(), scores.stream().mapToInt(Score::falseNegatives).sum());
        return new Report(scores, overall, errors);
    }
}
