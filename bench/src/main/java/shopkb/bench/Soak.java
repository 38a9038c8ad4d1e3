package shopkb.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.editing.Folders;
import shopkb.quality.SyntheticContent;
import shopkb.semantic.MeaningModel;
import shopkb.server.KbServer;
import shopkb.usage.UsageLog;

/**
 * Mixed search and write load on loopback for a fixed time, reported per window: errors, latency and heap
 * after a collection, so a leak or a slowdown shows as a trend. Stops by itself.
 */
public final class Soak {

    /** One window of the soak. */
    public record Window(int index, long searches, long searchErrors, long writes, long writeErrors, double p50, double p99,
                         long heapMb) {
    }

    private Soak() {
    }

    /** Runs the soak over a copy of {@code demo} and returns its windows. */
    public static List<Window> run(Path demo, double seconds, int windows, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("shopkb-soak-");
        Path content = dir.resolve("content");
        SyntheticContent.write(demo, content, 2000, 11);
        Path data = dir.resolve("data");
        var results = new ArrayList<Window>();
        try (KbServer server = KbServer.start(BenchCommand.config(dir, content, data, UsageLog.Settings.defaults()),
                MeaningModel.off())) {
            String token = server.firstToken().orElseThrow();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<URI> uris = SyntheticContent.queries(demo, 3000, 3).stream().map(q -> URI.create(base
                    + "/api/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).toList();
            List<String> ids = server.defaultShop().kb().content().entries().values().stream().filter(e -> e instanceof FaqEntry)
                    .map(Entry::id).limit(200).toList();
            for (int w = 0; w < windows; w++) {
                var writes = new AtomicLong();
                var writeErrors = new AtomicLong();
                var stop = new AtomicBoolean();
                int window = w;
                Thread writer = Thread.ofPlatform().start(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        try {
                            if (BenchCommand.update(http, base, token, ids.get((window * 1000 + n++) % ids.size()))) {
                                writes.incrementAndGet();
                            } else {
                                writeErrors.incrementAndGet();
                            }
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            writeErrors.incrementAndGet();
                        }
                    }
                });
                LoadRun.Result search = LoadRun.run(4, seconds / windows, n -> {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uris.get(n % uris.size())).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                });
                stop.set(true);
                writer.join();
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                var result = new Window(w + 1, search.calls(), search.errors(), writes.get(), writeErrors.get(),
                        search.p50(), search.p99(), heap);
                results.add(result);
                out.printf("window %2d: %6d searches (%d errors), %4d writes (%d errors), p50 %.2f ms, p99 %.2f ms, heap %d MB%n",
                        result.index(), result.searches(), result.searchErrors(), result.writes(), result.writeErrors(),
                        result.p50(), result.p99(), result.heapMb());
            }
        } finally {
            Folders.delete(dir);
        }
        return results;
    }
}
