package shopkb.search;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One ranking from two signals, and how sure its top result is.
 *
 * <p>By words only, entries rank by the lexical chain's score, and the top result is confident when it covers most of
 * the message's information ({@link #WORDS_CONFIDENT_COVERAGE}).
 *
 * <p>By words and meaning, an entry's strength adds up its evidence: the cosine of its nearest text, the cosine of
 * its next nearest (several near wordings of one FAQ are more than one), the share of the message its text covers,
 * and its lexical score relative to the best. The weights were fitted on labelled messages of two kinds of
 * knowledge base, the demo shop and a bare imported FAQ ({@code ./kb fit-fusion}, which prints them), so that one
 * ranking does at least as well as the better signal on each. Two things the labelled messages do not exercise are
 * kept from the words: an entry about the product in focus gains {@link #FOCUS_POINTS}, as the lexical chain lifts
 * it; and a decisive word match leads (see {@link #decisive}), so a name the model has never learnt (极兔, a new
 * carrier) finds the one entry that says it. Confidence is a logistic model of "the top result is right" over the
 * top's cosine, its lead over the best answer of another intent, and its coverage, fitted on the same messages and on
 * off-topic ones.
 */
public final class RankFusion {

    /** Words only: the share of the message the top result must cover to be a confident answer. */
    static final double WORDS_CONFIDENT_COVERAGE = 0.55;
    /** With meaning: the probability of being right at which the top result is flagged confident. */
    static final double MEANING_CONFIDENT = 0.5;
    /**
     * Fused strengths are {@code exp((points - 16) / 2)}: positive, near 1 for a close match, and scaled so that the
     * multiplicative adjustments after fusion keep their sense (a negative example's x0.2 costs 3.2 points, 0.2 of
     * cosine; agents' votes lift by at most x1.3, 0.5 points).
     */
    private static final double POINTS_OFFSET = 16;
    private static final double POINTS_PER_E = 2;
    /** Points an entry about the product in focus gains: about 0.2 of cosine, the lexical chain's lift for it. */
    static final double FOCUS_POINTS = 3;
    /** A word match is decisive when its text covers this much of the message's information... */
    static final double DECISIVE_COVERAGE = 0.9;
    /** ...and the next entry the words found scores at most this share of it. */
    static final double DECISIVE_LEAD = 0.7;

    /** Weights of the fused score, in points per unit of each feature. */
    public record Weights(double cosine, double secondCosine, double coverage, double share) {

        double points(Candidate c) {
            return cosine * c.cosine() + secondCosine * c.secondCosine() + coverage * c.coverage() + share * c.wordShare()
                    + (c.focus() ? FOCUS_POINTS : 0);
        }
    }

    /**
     * Logistic model of the top result being right. {@code several*} terms apply when the entry's second wording was
     * near too (an FAQ with similar questions), the others always.
     */
    public record ConfidenceModel(double bias, double cosine, double lead, double coverage, double several,
                                  double severalSecondCosine, double severalLead) {

        /** Leads are capped at this many points: beyond it the answer is clear either way. */
        public static final double MAX_LEAD = 8;

        double probability(Candidate top, double leadPoints) {
            double lead = Math.min(MAX_LEAD, Math.max(0, leadPoints)) / MAX_LEAD;
            double has = top.secondCosine() > 0 ? 1 : 0;
            double z = bias + cosine * top.cosine() + this.lead * lead + coverage * top.coverage()
                    + has * (several + severalSecondCosine * top.secondCosine() + severalLead * lead);
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Fitted by {@code ./kb fit-fusion} (see the README's "How it ranks"). */
    static final Weights WEIGHTS = new Weights(16, 4, 0.25, 0);
    static final ConfidenceModel CONFIDENCE = new ConfidenceModel(-9.668, 6.847, 7.479, 1.742, -7.011, 14.897, -3.540);

    private RankFusion() {
    }

    static List<SearchService.UnitHit> rank(List<Candidate> candidates, boolean meaning) {
        return rank(candidates, meaning, WEIGHTS);
    }

    /** Candidates as unit hits, strongest first. */
    public static List<SearchService.UnitHit> rank(List<Candidate> candidates, boolean meaning, Weights weights) {
        var ranked = new java.util.ArrayList<>(candidates.stream()
                .map(c -> new SearchService.UnitHit(c.entryId(), c.unit(), c.unitIndex(), (float) strength(c, meaning, weights)))
                .sorted(Comparator.comparingDouble((SearchService.UnitHit h) -> h.score()).reversed())
                .toList());
        Candidate decisive = meaning ? decisive(candidates) : null;
        if (decisive != null && !ranked.getFirst().entryId().equals(decisive.entryId())) {
            SearchService.UnitHit hit = ranked.stream().filter(h -> h.entryId().equals(decisive.entryId())).findFirst().orElseThrow();
            ranked.remove(hit);
            // Just above the strongest, so the confidence model reads a lead of zero, not an invented one.
            ranked.addFirst(new SearchService.UnitHit(hit.entryId(), hit.unit(), hit.unitIndex(), ranked.getFirst().score() * 1.0001f));
        }
        return ranked;
    }

    /**
     * The entry the words found decisively, which meaning does not overrule: the product whose code the message names,
     * or the entry the words found best when its text covers nearly all the message's information and no other entry
     * comes close by the words. (On the labelled sets this changes no top result; it keeps codes, new names and terms
     * the model has not learnt findable.)
     */
    static Candidate decisive(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (c.named()) {
                return c;
            }
        }
        Candidate best = null;
        float runnerUp = 0;
        for (Candidate c : candidates) {
            if (!c.byWords()) {
                continue;
            }
            if (best == null || c.wordScore() > best.wordScore()) {
                runnerUp = best == null ? runnerUp : Math.max(runnerUp, best.wordScore());
                best = c;
            } else {
                runnerUp = Math.max(runnerUp, c.wordScore());
            }
        }
        if (best == null || best.coverage() < DECISIVE_COVERAGE || runnerUp > DECISIVE_LEAD * best.wordScore()) {
            return null;
        }
        return best;
    }

    static double strength(Candidate c, boolean meaning, Weights weights) {
        return meaning ? Math.exp((weights.points(c) - POINTS_OFFSET) / POINTS_PER_E) : c.wordScore();
    }

    /**
     * How sure it is that the first of {@code ranked} answers the message, 0 to 1.
     *
     * @param candidates the candidate behind each ranked entry id
     */
    public static double confidence(List<SearchService.UnitHit> ranked, Function<String, Candidate> candidates,
                                    boolean meaning, ConfidenceModel model) {
        if (ranked.isEmpty()) {
            return 0;
        }
        Candidate top = candidates.apply(ranked.getFirst().entryId());
        if (top == null) {
            return 0;
        }
        return meaning ? model.probability(top, leadPoints(ranked, candidates)) : top.coverage();
    }

    /** How many points the first of {@code ranked} leads the best entry answering another intent by (capped). */
    public static double leadPoints(List<SearchService.UnitHit> ranked, Function<String, Candidate> candidates) {
        Candidate top = candidates.apply(ranked.getFirst().entryId());
        for (SearchService.UnitHit other : ranked.subList(1, ranked.size())) {
            Candidate candidate = candidates.apply(other.entryId());
            if (candidate != null && (top == null || top.intent() == null || !Objects.equals(top.intent(), candidate.intent()))) {
                return Math.min(ConfidenceModel.MAX_LEAD, POINTS_PER_E * Math.log(ranked.getFirst().score() / other.score()));
            }
        }
        return ConfidenceModel.MAX_LEAD;
    }

    public static boolean confident(double confidence, boolean meaning) {
        return confidence >= (meaning ? MEANING_CONFIDENT : WORDS_CONFIDENT_COVERAGE);
    }
}
