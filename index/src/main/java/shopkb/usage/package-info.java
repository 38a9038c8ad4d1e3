/**
 * The usage log: searches and agents' feedback in SQLite (masked, asynchronous, with retention), the insight
 * report built from it, and the bounded votes ranking learns from.
 */
package shopkb.usage;
