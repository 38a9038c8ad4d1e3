/**
 * The content model (intents and the four entry types), loading and validating the YAML files, and {@link
 * shopkb.content.ContentStore}, the one owner of the content currently served (an immutable snapshot swapped
 * whole).
 */
package shopkb.content;
