/**
 * Measuring ranking: labelled messages, hit@1, hit@3, MRR and confidence per configuration, and fitting the fusion
 * of words and meaning ({@link shopkb.quality.FusionFitter}).
 */
package shopkb.quality;
