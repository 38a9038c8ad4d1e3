package shopkb.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.SmallFloat;

/**
 * Lucene's BM25 with its defaults (k1 1.2, b 0.75, overlaps discounted), giving the same scores float for float, without
 * its cost per clause: Lucene's {@code BM25Similarity} builds an {@link Explanation} tree for the idf and divides out a
 * table of 256 norm inverses for every term clause of every search (a search has about 30), which was a tenth of the
 * bytes a search allocated. Here the table is made once per average field length and shared, and the idf is a float.
 * Norms are Lucene's (the base class computes them), so an index written with the default similarity is read as it is.
 */
final class UnitSimilarity extends org.apache.lucene.search.similarities.Similarity {

    static final UnitSimilarity INSTANCE = new UnitSimilarity();

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /** A field's average length changes with every refresh that changes it: keep the tables of the recent ones only. */
    private static final int MAX_TABLES = 256;
    private static final float[] LENGTH_TABLE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i);
        }
    }

    private final Map<Float, float[]> normInversesByAverage = new ConcurrentHashMap<>();

    private UnitSimilarity() {
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        double idf = 0d; // summed in a double and then cast, as Lucene sums a phrase's terms
        for (TermStatistics term : terms) {
            idf += idf(term.docFreq(), collection.docCount());
        }
        float average = (float) (collection.sumTotalTermFreq() / (double) collection.docCount());
        return new Scorer(boost, (float) idf, average, normInverses(average));
    }

    private static float idf(long docFreq, long docCount) {
        return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    private float[] normInverses(float average) {
        float[] known = normInversesByAverage.get(average);
        if (known != null) {
            return known;
        }
        float[] table = new float[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = 1f / (K1 * ((1 - B) + B * LENGTH_TABLE[i] / average));
        }
        if (normInversesByAverage.size() >= MAX_TABLES) {
            normInversesByAverage.clear();
        }
        normInversesByAverage.put(average, table);
        return table;
    }

    @Override
    public String toString() {
        return "BM25(k1=" + K1 + ",b=" + B + ", shared norm tables)";
    }

    private static final class Scorer extends SimScorer {
        private final float boost;
        private final float idf;
        private final float average;
        private final float[] normInverses;
        private final float weight;

        Scorer(float boost, float idf, float average, float[] normInverses) {
            this.boost = boost;
            this.idf = idf;
            this.average = average;
            this.normInverses = normInverses;
            this.weight = boost * idf;
        }

        // weight * freq / (freq + norm) rewritten as Lucene does, for the same float and the same monotonicity.
        private float score(float freq, float normInverse) {
            return weight - weight / (1f + freq * normInverse);
        }

        @Override
        public float score(float freq, long encodedNorm) {
            return score(freq, normInverses[((byte) encodedNorm) & 0xFF]);
        }

        @Override
        public BulkSimScorer asBulkSimScorer() {
            return new BulkSimScorer() {
                private float[] gathered = new float[0];

                @Override
                public void score(int size, float[] freqs, long[] norms, float[] scores) {
                    // The norms' inverses are gathered apart, so that the scoring loop vectorises: into the scores when
                    // they are not the freqs (the window's sums pass their own), else into an array kept for it
                    // (Lucene's term scorer scores in place). A clause made one for each search: 8 % of a search's bytes.
                    float[] inverses = scores != freqs ? scores : gathered(size);
                    for (int i = 0; i < size; i++) {
                        inverses[i] = normInverses[((byte) norms[i]) & 0xFF];
                    }
                    for (int i = 0; i < size; i++) {
                        scores[i] = Scorer.this.score(freqs[i], inverses[i]);
                    }
                }

                private float[] gathered(int size) {
                    if (gathered.length < size) {
                        gathered = new float[ArrayUtil.oversize(size, Float.BYTES)];
                    }
                    return gathered;
                }
            };
        }

        @Override
        public Explanation explain(Explanation freq, long encodedNorm) {
            List<Explanation> factors = new ArrayList<>();
            if (boost != 1.0f) {
                factors.add(Explanation.match(boost, "boost"));
            }
            factors.add(Explanation.match(idf, "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5))"));
            float length = LENGTH_TABLE[((byte) encodedNorm) & 0xFF];
            float normInverse = normInverses[((byte) encodedNorm) & 0xFF];
            factors.add(Explanation.match(1f - 1f / (1 + freq.getValue().floatValue() * normInverse),
                    "tf, computed as freq / (freq + k1 * (1 - b + b * dl / avgdl)) from:", freq,
                    Explanation.match(K1, "k1"), Explanation.match(B, "b"), Explanation.match(length, "dl"),
                    Explanation.match(average, "avgdl")));
            return Explanation.match(score(freq.getValue().floatValue(), encodedNorm),
                    "score(freq=" + freq.getValue() + "), computed as boost * idf * tf from:", factors);
        }
    }
}
