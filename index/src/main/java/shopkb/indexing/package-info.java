/**
 * A shop's served state and its indexes. {@link shopkb.indexing.ServedContent} is the one owner of what a shop serves:
 * the content snapshot, the Lucene index, the vocabulary and the index's fingerprint, changed together under one lock
 * through apply-one, apply-batch, replace-all and re-index only (the index's own mutators are package-private).
 * {@link shopkb.indexing.KnowledgeIndex} owns the Lucene index of unit documents (writer, searcher manager, refresh,
 * commits) and keeps {@link shopkb.indexing.MeaningIndex}, the meaning vectors, in step with it; {@link
 * shopkb.indexing.Fields} names every field. {@link shopkb.indexing.VectorCache} keeps the vectors of every
 * content text any shop of the process had encoded, so a shop with known texts opens without encoding.
 */
package shopkb.indexing;
