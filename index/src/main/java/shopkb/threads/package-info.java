/**
 * Where long CPU-bound or native work runs: {@link shopkb.threads.PlatformWork} keeps it off virtual threads, whose
 * carriers (one per core) must stay free for requests.
 */
package shopkb.threads;
