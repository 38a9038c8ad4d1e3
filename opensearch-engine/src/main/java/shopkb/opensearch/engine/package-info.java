/**
 * The cluster engine: shops' units kept and searched in an OpenSearch 3.9.0 cluster whose nodes carry the shopkb analysis
 * plugin, one index per shop. {@link shopkb.opensearch.engine.ClusterEngine} is the {@link shopkb.UnitEngine} a server or
 * the quality command is given; the query ({@link shopkb.indexing.UnitQuery}), the units and the ranking after the
 * search are the embedded engine's own code. Plain HTTP and JSON ({@link shopkb.opensearch.engine.ClusterClient}).
 */
package shopkb.opensearch.engine;
