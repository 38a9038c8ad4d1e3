/**
 * The benchmark and the soak, a module of their own outside the server's jar: synthetic knowledge bases and shops
 * built from the demo ({@link shopkb.quality.SyntheticContent}), the real server started through {@link
 * shopkb.server.KbServer}, loads over HTTP (wrk when installed) and in-process, and what they print. {@code ./kb bench}
 * and {@code ./kb soak} run {@link shopkb.bench.BenchMain}.
 */
package shopkb.bench;
