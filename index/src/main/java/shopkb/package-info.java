/**
 * The search core as a plain library, no HTTP. {@link shopkb.KnowledgeBase} is one shop's knowledge base (content,
 * vocabulary, index, meaning vectors, reply rules, editor), opened from the folders {@link shopkb.ShopFolders} names;
 * {@link shopkb.SharedResources} is what every shop of a process shares (ranking options, the sentence model, the
 * vectors by text, remembered messages, the platform vocabulary) and {@link shopkb.Housekeeping} the few threads that
 * run every open shop's background work.
 */
package shopkb;
