/**
 * The commands of {@code ./kb}: serve, quality, fit-fusion, tsv-content, token, check-quality, check-bench,
 * replay.
 */
package shopkb.server.cli;
