/**
 * The indexes: {@link shopkb.indexing.KnowledgeIndex} owns the Lucene index of unit documents (writer, searcher
 * manager, refresh, commits) and keeps {@link shopkb.indexing.MeaningIndex}, the meaning vectors and their cache,
 * in step with it; {@link shopkb.indexing.Fields} names every field.
 */
package shopkb.indexing;
