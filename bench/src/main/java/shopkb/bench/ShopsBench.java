package shopkb.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import shopkb.KnowledgeBase;
import shopkb.editing.Folders;
import shopkb.quality.SyntheticContent;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.server.KbServer;
import shopkb.server.ServerConfig;
import shopkb.shops.DataLayout;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/**
 * {@code bench --shops N}: one server with N synthetic shops (each {@code entries} entries from the demo's generator,
 * with its own seed). Prints what a cold first start costs (every shop built and its texts encoded), then, on a restart
 * over the persisted shops: time to ready, heap, the first search in a shop not touched since the restart, heap with
 * every shop open, and search latency in warm shops against one shop served alone.
 */
final class ShopsBench {

    /** Shops whose first search is timed after the restart (each untouched until then). */
    private static final int UNTOUCHED_SAMPLE = 100;
    /** Shops the warm latency is spread over. */
    private static final int WARM_SHOPS = 50;

    private ShopsBench() {
    }

    static void run(Path demo, int shopCount, int entries, double seconds, boolean meaning, PrintStream out) throws Exception {
        out.println(BenchCommand.machine());
        MeaningModel model = meaning ? MeaningModel.load() : MeaningModel.off();
        out.println("meaning: " + model.detail());
        var wrk = WrkLoad.version();
        out.println("load generator: " + wrk.orElse("Java HttpClient in this JVM"));
        Path dir = Files.createTempDirectory("shopkb-shops-bench-");
        try {
            Path content = Folders.copy(demo, dir.resolve("default-content"));
            Path data = dir.resolve("data");
            List<ShopName> shops = writeShops(demo, new ShopCatalog(new DataLayout(data), content), shopCount, entries, out);
            ServerConfig config = BenchCommand.config(dir, content, data, new UsageLog.Settings(false, false, 90));
            coldStart(config, model, shops, out);
            List<String> queries = SyntheticContent.queries(demo, 2000, 5);
            restarted(config, model, shops, queries, seconds, dir, wrk.isPresent(), out);
            alone(dir, demo, shops.getFirst(), entries, model, queries, seconds, wrk.isPresent(), out);
        } finally {
            Folders.delete(dir);
        }
    }

    private static List<ShopName> writeShops(Path demo, ShopCatalog catalog, int count, int entries, PrintStream out)
            throws Exception {
        long start = System.nanoTime();
        var names = new ArrayList<ShopName>();
        for (int i = 1; i <= count; i++) {
            ShopName name = new ShopName(String.format("shop-%04d", i));
            catalog.create(name, "合成店铺 " + i, null);
            SyntheticContent.write(demo, catalog.folders(name).content(), entries, i);
            names.add(name);
        }
        out.printf("%n== %,d shops of %,d synthetic entries ==%n", count, entries);
        out.printf("shops written:                 %8.1f s%n", seconds(start));
        return names;
    }

    /** Every shop opened once on a server that has never built or encoded anything. */
    private static void coldStart(ServerConfig config, MeaningModel model, List<ShopName> shops, PrintStream out) {
        long start = System.nanoTime();
        int encoded = 0;
        int fromCache = 0;
        try (KbServer server = KbServer.start(config, model)) {
            for (ShopName name : shops) {
                try (OpenShops.Lease lease = server.shops().use(name)) {
                    var meaning = lease.shop().kb().health().meaning();
                    encoded += meaning.vectorsEncoded();
                    fromCache += meaning.vectorsFromCache();
                }
            }
            out.printf("cold first start, every shop built: %8.1f s  (%,d texts encoded, %,d taken from other shops' vectors)%n",
                    seconds(start), encoded, fromCache);
            System.gc();
            out.printf("heap with every shop open:     %8d MB  (%d shops open)%n", BenchCommand.heapMb(), server.shops().openCount());
        }
    }

    private static void restarted(ServerConfig config, MeaningModel model, List<ShopName> shops, List<String> queries,
                                  double seconds, Path dir, boolean useWrk, PrintStream out) throws Exception {
        System.gc();
        long start = System.nanoTime();
        try (KbServer server = KbServer.start(config, model)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            get(http, base + BenchCommand.PING);
            out.printf("restart to ready:              %8.2f s  (%,d shops listed, %d open)%n", seconds(start),
                    server.shops().list().size(), server.shops().openCount());
            System.gc();
            out.printf("heap after ready:              %8d MB%n", BenchCommand.heapMb());
            warmUp(http, base, queries);

            var order = new ArrayList<>(shops);
            Collections.shuffle(order, new Random(3));
            double[] first = new double[Math.min(UNTOUCHED_SAMPLE, order.size())];
            int encodedOnReopen = 0;
            for (int i = 0; i < first.length; i++) {
                String url = base + "/api/shops/" + order.get(i) + "/search?limit=10&q="
                        + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8);
                long t = System.nanoTime();
                get(http, url);
                first[i] = (System.nanoTime() - t) / 1e6;
                try (OpenShops.Lease lease = server.shops().use(order.get(i))) {
                    encodedOnReopen += lease.shop().kb().health().meaning().vectorsEncoded();
                }
            }
            Arrays.sort(first);
            out.printf("first search in an untouched shop (HTTP, opens it), %d shops: p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                    + "  (%d texts encoded)%n", first.length, pct(first, 0.5), pct(first, 0.95), first[first.length - 1],
                    encodedOnReopen);

            long openAll = System.nanoTime();
            for (ShopName name : shops) {
                server.shops().use(name).close();
            }
            System.gc();
            out.printf("every shop opened after it:    %8.1f s, heap %d MB  (%d shops open)%n", seconds(openAll),
                    BenchCommand.heapMb(), server.shops().openCount());

            List<ShopName> warm = shops.subList(0, Math.min(WARM_SHOPS, shops.size()));
            var paths = new ArrayList<String>();
            for (int i = 0; i < queries.size(); i++) {
                paths.addAll(BenchCommand.searchPaths("/api/shops/" + warm.get(i % warm.size()), List.of(queries.get(i))));
            }
            BenchCommand.HttpLoad load = BenchCommand.httpLoad(useWrk, paths, Files.createDirectories(dir.resolve("wrk-shops")));
            load.search(base, 4, Math.min(5, seconds));
            out.printf("%n%-34s %5s %9s %9s %9s %11s %8s%n", "search", "conc", "p50 ms", "p99 ms", "p99.9 ms", "per second", "errors");
            var kbs = new ArrayList<KnowledgeBase>();
            for (ShopName name : warm) {
                try (OpenShops.Lease lease = server.shops().use(name)) {
                    kbs.add(lease.shop().kb());
                }
            }
            // The same (shop, message) pairs as the HTTP load: message i in warm shop i mod 50.
            LoadRun.Operation inProcess = n -> {
                int i = n % queries.size();
                kbs.get(i % kbs.size()).search(SearchRequest.of(queries.get(i), 10));
            };
            LoadRun.run(1, Math.min(3, seconds), inProcess);
            print(out, "in-process, " + warm.size() + " warm shops", LoadRun.run(1, seconds, inProcess));
            for (int concurrency : List.of(1, 8)) {
                print(out, "HTTP, " + warm.size() + " warm shops of " + shops.size(), load.search(base, concurrency, seconds));
            }
        }
    }

    /** The first of the shops served alone (as the default shop of a server of one), with the same queries. */
    private static void alone(Path dir, Path demo, ShopName shop, int entries, MeaningModel model, List<String> queries,
                              double seconds, boolean useWrk, PrintStream out) throws Exception {
        Path content = dir.resolve("alone-content");
        SyntheticContent.write(demo, content, entries, Integer.parseInt(shop.value().substring("shop-".length())));
        try (KbServer server = KbServer.start(BenchCommand.config(dir, content, dir.resolve("alone-data"),
                new UsageLog.Settings(false, false, 90)), model)) {
            String base = "http://127.0.0.1:" + server.port();
            BenchCommand.HttpLoad load = BenchCommand.httpLoad(useWrk, BenchCommand.searchPaths("/api", queries),
                    Files.createDirectories(dir.resolve("wrk-alone")));
            load.search(base, 4, Math.min(5, seconds));
            KnowledgeBase kb = server.defaultShop().kb();
            LoadRun.Operation inProcess = n -> kb.search(SearchRequest.of(queries.get(n % queries.size()), 10));
            LoadRun.run(1, Math.min(3, seconds), inProcess);
            print(out, "in-process, one shop alone", LoadRun.run(1, seconds, inProcess));
            for (int concurrency : List.of(1, 8)) {
                print(out, "HTTP, one shop alone", load.search(base, concurrency, seconds));
            }
            out.printf("(the shop alone: %d entries, index %s)%n", kb.health().entries(), kb.health().indexReused() ? "reused" : "built");
        }
    }

    private static void warmUp(HttpClient http, String base, List<String> queries) throws Exception {
        for (String q : queries.subList(0, Math.min(300, queries.size()))) {
            get(http, base + "/api/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }

    private static void print(PrintStream out, String name, LoadRun.Result r) {
        out.printf("%-34s %5d %9.2f %9.2f %9.2f %11.0f %8d%n", name, r.concurrency(), r.p50(), r.p99(), r.p999(),
                r.throughput(), r.errors());
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
