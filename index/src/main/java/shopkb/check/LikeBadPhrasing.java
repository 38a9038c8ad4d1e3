package shopkb.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shopkb.indexing.MeaningIndex;
import shopkb.indexing.MeaningUnits;
import shopkb.semantic.MessageVectors;

/**
 * Finds sentences of a draft that mean the same as a known bad phrasing (a phrasing's {@code replaces}, 错误示范),
 * however they are worded: the rules' patterns catch the words they were written for, this catches the rest.
 * Suggests the phrasings that replace it.
 */
public final class LikeBadPhrasing {

    /** The finding's rule id. */
    public static final String RULE = "like-bad-example";
    /**
     * Cosine from which a sentence counts as meaning the same as a bad phrasing. On the labelled drafts no good draft
     * of six characters or more comes above 0.81; a reworded bad phrasing (那您就申请退款好了) comes at 0.9.
     */
    static final double SAME_MEANING = 0.86;
    /** Shorter sentences (嗯嗯,好的哦) carry too little for their vectors to tell tone apart. */
    static final int MIN_CHARS = 6;
    private static final Pattern SENTENCE = Pattern.compile("[^。!！?？;；\\n]+");

    private final MeaningIndex index;
    private final Function<String, float[]> sentences;
    /** Vectors of bad phrasings by key; a key's vector never changes for one model. */
    private final Map<String, float[]> badVectors = new ConcurrentHashMap<>();

    /**
     * @param sentences the meaning vector of a draft's sentence (a cache of recent messages)
     */
    public LikeBadPhrasing(MeaningIndex index, Function<String, float[]> sentences) {
        this.index = index;
        this.sentences = sentences;
    }

    /**
     * Findings for the draft's sentences that no pattern of a rule flagged already.
     *
     * @param patternFindings the findings of the rules' patterns (not the whole-draft {@code missing} ones)
     */
    List<Finding> find(String draft, List<Finding> patternFindings) {
        Map<String, List<MeaningUnits.Unit>> bad = index.badPhrasings();
        if (bad.isEmpty()) {
            return List.of();
        }
        var findings = new ArrayList<Finding>();
        Matcher sentence = SENTENCE.matcher(draft);
        while (sentence.find()) {
            int start = sentence.start();
            int end = sentence.end();
            String text = sentence.group();
            if (text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_CHARS || overlaps(patternFindings, start, end)) {
                continue;
            }
            float[] vector = sentences.apply(text);
            String nearest = null;
            double best = SAME_MEANING;
            for (String key : bad.keySet()) {
                float[] badVector = badVectors.computeIfAbsent(key, k -> index.vectorOf(k).orElse(null));
                if (badVector != null) {
                    double cosine = MessageVectors.cosine(vector, badVector);
                    if (cosine >= best) {
                        best = cosine;
                        nearest = key;
                    }
                }
            }
            if (nearest != null) {
                List<MeaningUnits.Unit> units = bad.get(nearest);
                findings.add(new Finding(RULE, start, end, text, "意思接近错误示范「" + units.getFirst().text()
                        + "」,换成推荐话术", null, units.stream().map(MeaningUnits.Unit::entryId).distinct().sorted().toList()));
            }
        }
        return findings;
    }

    private static boolean overlaps(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }
}
