/**
 * Text analysis for the lexical chain: normalisation (traditional to simplified, widths, pinyin residue), the shop
 * vocabulary (synonyms, spellings, domain words) and the Lucene analyzers built from them, in one place.
 */
package shopkb.analysis;
