package shopkb.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import shopkb.search.Candidate;
import shopkb.search.RankFusion;
import shopkb.search.SearchRequest;
import shopkb.search.SearchService;

/**
 * Fits the fusion of words and meaning on labelled messages: first the weights of the fused score (coordinate ascent
 * over a grid, maximising the mean over sets of hit@1 and MRR, each set counting alike whatever its size), then the
 * logistic confidence model (Newton's method, each set again counting alike; off-topic lines count as wrong tops).
 * The sets should include more than one kind of knowledge base, so the weights serve both.
 */
public final class FusionFitter {

    /** Points per unit of cosine: fixes the scale; the other weights are fitted relative to it. */
    static final double COSINE_WEIGHT = 16;
    private static final double[] GRID = {0, 0.1, 0.25, 0.5, 1, 2, 4, 8};
    private static final int DEPTH = 10;
    private static final double L2 = 1e-4;

    /** A labelled set searched on its own knowledge base. */
    public record LabelledSet(String name, List<LabelledQuery> queries, SearchService service) {
    }

    /** Per set: hit@1, MRR, share of labelled messages right and confident, off-topic confident. */
    public record SetResult(String name, int queries, double hitAt1, double mrr, double confidentRight,
                            double rightWhenConfident, double rightOtherwise, int offTopic, int offTopicConfident) {
    }

    public record Fit(RankFusion.Weights weights, RankFusion.ConfidenceModel confidence, List<SetResult> results) {
    }

    private record Query(List<Candidate> candidates, String intent) {
        boolean offTopic() {
            return LabelledQuery.NONE.equals(intent);
        }
    }

    private FusionFitter() {
    }

    public static Fit fit(List<LabelledSet> sets) {
        var gathered = new ArrayList<List<Query>>();
        for (LabelledSet set : sets) {
            var queries = new ArrayList<Query>();
            for (LabelledQuery q : set.queries()) {
                queries.add(new Query(set.service().candidates(SearchRequest.of(q.query(), DEPTH)), q.intent()));
            }
            gathered.add(queries);
        }
        double[] w = {COSINE_WEIGHT, 0, 0, 0};
        double best = objective(w, gathered);
        for (int round = 0; round < 4; round++) {
            boolean improved = false;
            for (int i = 1; i < w.length; i++) {
                for (double value : GRID) {
                    double[] trial = w.clone();
                    trial[i] = value;
                    double score = objective(trial, gathered);
                    if (score > best + 1e-9) {
                        best = score;
                        w = trial;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        var weights = new RankFusion.Weights(w[0], w[1], w[2], w[3]);
        RankFusion.ConfidenceModel confidence = fitConfidence(weights, gathered);
        var results = new ArrayList<SetResult>();
        for (int s = 0; s < sets.size(); s++) {
            results.add(evaluate(sets.get(s).name(), gathered.get(s), weights, confidence));
        }
        return new Fit(weights, confidence, results);
    }

    private static double objective(double[] w, List<List<Query>> sets) {
        var weights = new RankFusion.Weights(w[0], w[1], w[2], w[3]);
        double sum = 0;
        int counted = 0;
        for (List<Query> set : sets) {
            var tally = new Tally();
            for (Query q : set) {
                if (!q.offTopic()) {
                    tally.labelled(rankOf(RankFusion.rank(q.candidates(), true, weights), q), false);
                }
            }
            if (tally.labelled() > 0) {
                sum += (tally.hitAt1() + tally.mrr()) / 2;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** The features of each set's tops, then a weighted logistic regression by Newton's method. */
    private static RankFusion.ConfidenceModel fitConfidence(RankFusion.Weights weights, List<List<Query>> sets) {
        var rows = new ArrayList<double[]>();
        var labels = new ArrayList<Double>();
        var rowWeights = new ArrayList<Double>();
        for (List<Query> set : sets) {
            for (Query q : set) {
                var ranked = RankFusion.rank(q.candidates(), true, weights);
                if (ranked.isEmpty()) {
                    continue;
                }
                rows.add(features(ranked, q.candidates()));
                labels.add(!q.offTopic() && rankOf(ranked, q) == 1 ? 1.0 : 0.0);
                rowWeights.add(1.0 / set.size());
            }
        }
        int n = rows.getFirst().length;
        double[] beta = new double[n];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                double p = 1 / (1 + Math.exp(-dot(beta, x)));
                double weight = rowWeights.get(r);
                for (int i = 0; i < n; i++) {
                    gradient[i] += weight * (p - labels.get(r)) * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += weight * p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                gradient[i] += 2 * L2 * beta[i];
                hessian[i][i] += 2 * L2;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < n; i++) {
                beta[i] -= step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new RankFusion.ConfidenceModel(beta[0], beta[1], beta[2], beta[3], beta[4], beta[5], beta[6]);
    }

    /** The confidence model's inputs for a ranking's top, in {@link RankFusion.ConfidenceModel}'s order. */
    private static double[] features(List<shopkb.search.SearchService.UnitHit> ranked, List<Candidate> candidates) {
        Candidate top = find(candidates, ranked.getFirst().entryId());
        double lead = RankFusion.leadPoints(ranked, id -> find(candidates, id)) / RankFusion.ConfidenceModel.MAX_LEAD;
        double has = top.secondCosine() > 0 ? 1 : 0;
        return new double[] {1, top.cosine(), lead, top.coverage(), has, has * top.secondCosine(), has * lead};
    }

    private static SetResult evaluate(String name, List<Query> set, RankFusion.Weights weights,
                                      RankFusion.ConfidenceModel confidence) {
        var tally = new Tally();
        for (Query q : set) {
            var ranked = RankFusion.rank(q.candidates(), true, weights);
            boolean flagged = !ranked.isEmpty()
                    && RankFusion.confident(RankFusion.confidence(ranked, id -> find(q.candidates(), id), true, confidence), true);
            if (q.offTopic()) {
                tally.offTopic(flagged);
            } else {
                tally.labelled(rankOf(ranked, q), flagged);
            }
        }
        return new SetResult(name, tally.labelled(), tally.hitAt1(), tally.mrr(), tally.confidentRight(),
                tally.rightWhenConfident(), tally.rightOtherwise(), tally.offTopicLines(), tally.offTopicConfident());
    }

    private static int rankOf(List<shopkb.search.SearchService.UnitHit> ranked, Query q) {
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            if (Objects.equals(q.intent(), find(q.candidates(), ranked.get(i).entryId()).intent())) {
                return i + 1;
            }
        }
        return -1;
    }

    private static Candidate find(List<Candidate> candidates, String entryId) {
        for (Candidate c : candidates) {
            if (c.entryId().equals(entryId)) {
                return c;
            }
        }
        return null;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
