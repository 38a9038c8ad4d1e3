/**
 * The commands of {@code ./kb}: serve, quality, fit-fusion, tsv-content, token, shop, check-quality, check-bench,
 * replay (the benchmark and the soak are the bench module's).
 */
package shopkb.server.cli;
