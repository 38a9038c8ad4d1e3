/**
 * shopkb's analysis chain as an OpenSearch analysis plugin: the steps of {@link shopkb.analysis.Analyzers} as char
 * filters, a tokenizer and token filters, and its three analyzers ready-made, each built with the shop vocabulary
 * given in the index's settings.
 */
package shopkb.opensearch;
