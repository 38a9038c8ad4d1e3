/**
 * Answering a buyer message: parsing it ({@link shopkb.search.BuyerQueryParser}), the lexical query, the meaning
 * signal ({@link shopkb.search.MeaningSearch}), fusing both into one ranking with a confidence ({@link
 * shopkb.search.RankFusion}), and shaping results ({@link shopkb.search.SearchService}).
 */
package shopkb.search;
