/**
 * Safe changes to content: {@link shopkb.editing.ContentEditor} writes entries atomically and durably, checks
 * versions (ETags) so no editor silently overwrites another, keeps the history, and takes in files changed on
 * disk.
 */
package shopkb.editing;
