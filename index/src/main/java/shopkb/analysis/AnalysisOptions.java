package shopkb.analysis;

/**
 * Analysis switches, so the quality command can measure each step by turning it off.
 *
 * @param normalize traditional → simplified, width and case folding, pinyin-residue removal
 * @param lexicon keep the vocabulary's domain words whole in segmentation
 */
public record AnalysisOptions(boolean normalize, boolean lexicon) {

    public static AnalysisOptions full() {
        return new AnalysisOptions(true, true);
    }
}
