/**
 * A shop's served state and its indexes. {@link shopkb.indexing.ServedContent} is the one owner of what a shop serves:
 * the content snapshot, the unit index, the vocabulary and the index's fingerprint, changed together under one lock
 * through apply-one, apply-batch, replace-all and re-index only (nothing else calls the index's mutators).
 * {@link shopkb.indexing.UnitIndex} is where units are kept and searched by words, asked with an engine-neutral
 * {@link shopkb.indexing.UnitQuery}; {@link shopkb.indexing.KnowledgeIndex}, the embedded engine, owns a Lucene index of
 * unit documents (writer, searcher manager, refresh, commits), scored by Lucene's BM25 as restated in UnitSimilarity
 * (the same scores, without Lucene's per-clause set-up) and, where one segment holds nearly all units, summed a window
 * of units at a time by {@link shopkb.indexing.UnitDisjunctionQuery} (the same scores, without Lucene's MaxScore
 * bookkeeping) from the query's WordsDisjunction, its clauses; each keeps {@link shopkb.indexing.MeaningIndex}, the
 * meaning vectors, in step with its units. {@link shopkb.indexing.Fields} names every field and how it is analysed, and
 * {@link shopkb.indexing.DocumentBuilder} decides what each unit holds, for every engine. {@link shopkb.indexing.VectorCache} keeps the vectors of every
 * content text any shop of the process had encoded, so a shop with known texts opens without encoding.
 */
package shopkb.indexing;
