/**
 * The content model (intents and the four entry types), loading and validating the YAML files, the files'
 * fingerprint, and {@link shopkb.content.ContentSnapshot}, the immutable view of what a shop serves at one moment
 * (its owner, which swaps it whole, is {@link shopkb.indexing.ServedContent}).
 */
package shopkb.content;
