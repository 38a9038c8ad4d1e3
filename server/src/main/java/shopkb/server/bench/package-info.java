/**
 * The benchmark and the soak: synthetic knowledge bases built from the demo, loads over HTTP (wrk) and in-process,
 * and what they print.
 */
package shopkb.server.bench;
