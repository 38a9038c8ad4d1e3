/**
 * The search core as a plain library, no HTTP: {@link shopkb.KnowledgeBase} holds a shop's content, vocabulary,
 * index, meaning vectors and reply rules, and is what the server and the command line open.
 */
package shopkb;
