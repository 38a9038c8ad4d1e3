/**
 * The reply check: the shop's phrasing rules (YAML, in {@code rules/}) applied to an agent's draft, and drafts
 * that mean the same as a known bad phrasing ({@link shopkb.check.LikeBadPhrasing}).
 */
package shopkb.check;
