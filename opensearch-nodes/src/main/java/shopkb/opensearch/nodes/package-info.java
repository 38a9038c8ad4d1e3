/**
 * Real OpenSearch nodes on loopback, each a child JVM over the OpenSearch jars the build resolved from Maven Central
 * (no download at run time, no Docker): for tests, and for local runs against a cluster.
 */
package shopkb.opensearch.nodes;
