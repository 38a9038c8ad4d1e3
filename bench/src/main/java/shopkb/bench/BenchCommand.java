package shopkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import shopkb.KnowledgeBase;
import shopkb.ShopFolders;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.editing.Folders;
import shopkb.quality.SyntheticContent;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.opensearch.engine.LocalClusterEngine;
import shopkb.server.EngineConfig;
import shopkb.server.KbServer;
import shopkb.server.ServerConfig;
import shopkb.usage.UsageLog;

/**
 * {@code bench}: builds synthetic knowledge bases of the given sizes from the demo content, and prints
 * build time, restart-to-ready time, heap after load, and search latency and throughput at concurrency
 * 1, 8 and 32 over HTTP on loopback, beside two floors measured in the same run: the same searches
 * in-process (no HTTP) and an HTTP endpoint that does no search. Then the same at concurrency 8 with an
 * editor writing 10 entries a second, and with the usage log on against off. With wrk, also searching the FAQs only
 * ({@code type=faq}) at concurrency 8, printed beside a plain OpenSearch node over the same FAQs.
 */
public final class BenchCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PING = "/api/ping";

    private BenchCommand() {
    }

    /**
     * @param meaning also measure ranking by meaning: encoding, builds with a cold and a warm embedding cache, restart,
     *                and HTTP search beside the words-only figures of the same run
     * @param peerPlugin the plugin zip that gives the OpenSearch node measured beside the server Lucene's smartcn
     *                   analyzer; null: no peer
     */
    public static void run(Path demo, List<Integer> sizes, Timing timing, boolean meaning, Path peerPlugin, boolean cluster,
                           PrintStream out) throws Exception {
        out.println(machine());
        var wrk = WrkLoad.version();
        out.println("load generator: " + wrk.map(v -> v + ", a separate process on loopback")
                .orElse("Java HttpClient in the server's JVM (install wrk for a separate, lighter one)"));
        List<String> queries = messageMix(demo);
        MeaningModel model = meaning ? MeaningModel.load() : MeaningModel.off();
        out.println("meaning: " + model.detail());
        if (model.available()) {
            benchEncoding(model, queries, out);
        }
        Path scripts = Files.createTempDirectory("shopkb-bench-load-");
        try {
            HttpLoad load = httpLoad(wrk.isPresent(), searchPaths("/api", queries), scripts);
            WrkLoad peerLoad = wrk.isEmpty() || peerPlugin == null ? null
                    : WrkLoad.forRequests(PeerNode.searches(queries), Files.createDirectories(scripts.resolve("wrk-peer")));
            // The node holds the FAQs only: the server's FAQ-only search is measured for the row beside it.
            WrkLoad faqOnly = peerLoad == null ? null : WrkLoad.forPaths(searchPaths("/api", queries, "faq"),
                    Files.createDirectories(scripts.resolve("wrk-faq")));
            if (peerLoad == null) {
                out.println("peer: none (" + (peerPlugin == null ? "--peer false" : "the peer is loaded by wrk only") + ")");
            }
            for (int size : sizes) {
                Path dir = Files.createTempDirectory("shopkb-bench-");
                try {
                    SearchFigures wordsOnly = benchSize(demo, dir, size, timing, queries, load, faqOnly, out);
                    SearchFigures peer = peerLoad == null ? null
                            : benchPeer(dir, peerPlugin, timing, new Loads(load, faqOnly, peerLoad), wordsOnly, out);
                    if (cluster) {
                        benchCluster(dir, pluginZip(peerPlugin), timing, load, wordsOnly, peer, out);
                    }
                    if (model.available()) {
                        benchMeaning(dir, model, timing, wordsOnly, peer, load, out);
                    }
                } finally {
                    Folders.delete(dir);
                }
            }
        } finally {
            Folders.delete(scripts);
        }
    }

    /**
     * How long each load is measured, and how long a server or node is loaded first, unmeasured: the JIT is still
     * compiling long after the first seconds of search load (compiler threads took 25% of the server's CPU in the 20 s
     * after a 10 s warm-up, 2-4% after 45-60 s), and every side is measured after the same warm-up.
     */
    public record Timing(double seconds, double warmup) {
    }

    /**
     * Search figures at one and eight clients, and the build time they followed (0 where none was measured); at eight
     * clients searching the FAQs only ({@code type=faq}), where measured (else null).
     */
    private record SearchFigures(double buildSeconds, LoadRun.Result oneClient, LoadRun.Result eightClients,
                                 LoadRun.Result faqOnlyEight) {
    }

    /** The loads of the side-by-side: the server's searches of every type and of the FAQs only, and the node's. */
    private record Loads(HttpLoad server, WrkLoad serverFaqOnly, WrkLoad node) {
    }

    /** Rounds of the alternated side-by-side (see {@link #alternate}). */
    private static final int ALTERNATED_ROUNDS = 3;

    /**
     * The same message mix against a plain OpenSearch node over the same content's FAQ questions, printed beside the
     * server's figures of this run; then both alternated (see {@link #alternate}).
     */
    private static SearchFigures benchPeer(Path dir, Path pluginZip, Timing timing, Loads loads, SearchFigures server,
                                           PrintStream out) throws Exception {
        out.printf("%n-- beside a plain OpenSearch node (3.9.0, one node, Lucene's smartcn analyzer, match query, size 10) --%n");
        long start = System.nanoTime();
        try (PeerNode node = PeerNode.start(dir.resolve("peer"), pluginZip, dir.resolve("content"))) {
            out.printf("node started and %,d FAQs indexed (their questions in one smartcn field) in %.1f s%n", node.documents(),
                    (System.nanoTime() - start) / 1e9);
            SearchFigures figures = oneAndEight(timing, (clients, time) -> loads.node().run(node.base(), clients, time));
            printBeside(out, "shopkb, words only", server, "OpenSearch, match", figures);
            out.printf("%-26s %5d   shopkb/OpenSearch throughput %.0f%%%n", "", 8,
                    100 * server.eightClients().throughput() / figures.eightClients().throughput());
            if (server.faqOnlyEight() != null) {
                print(out, "shopkb, FAQs only", server.faqOnlyEight());
                out.printf("%-26s %5d   shopkb FAQs only/OpenSearch throughput %.0f%%%n", "", 8,
                        100 * server.faqOnlyEight().throughput() / figures.eightClients().throughput());
            }
            alternate(dir, timing, loads, node, out);
            return figures;
        }
    }

    /**
     * The server (restarted on its persisted index) and the node both up, loaded in turn at 8 clients for the measured
     * time each, {@value #ALTERNATED_ROUNDS} rounds, the order turning each round: the rows above are minutes apart,
     * and on a shared 2-core machine a quarter hour can move either side's throughput by a third, so the ratio of
     * slices seconds apart is the steadier reading. Words only, usage log on, as above.
     */
    private static void alternate(Path dir, Timing timing, Loads loads, PeerNode node, PrintStream out) throws Exception {
        Path content = dir.resolve("content");
        try (KbServer server = KbServer.start(config(dir, content, dir.resolve("data"), UsageLog.Settings.defaults()),
                MeaningModel.off())) {
            String base = "http://127.0.0.1:" + server.port();
            // This JVM compiled the server's search long ago (above): a short load, for the restarted server's caches.
            loads.server().search(base, 8, Math.min(10, timing.warmup()));
            out.printf("%n-- alternated, both up: 8 clients, %.0f s each, %d rounds --%n", timing.seconds(), ALTERNATED_ROUNDS);
            printHeader(out, "search");
            double[] all = new double[ALTERNATED_ROUNDS];
            double[] faqs = new double[ALTERNATED_ROUNDS];
            for (int round = 0; round < ALTERNATED_ROUNDS; round++) {
                LoadRun.Result peer = null;
                if (round % 2 == 1) {
                    peer = loads.node().run(node.base(), 8, timing.seconds());
                }
                LoadRun.Result ours = loads.server().search(base, 8, timing.seconds());
                LoadRun.Result oursFaqs = loads.serverFaqOnly().run(base, 8, timing.seconds());
                if (peer == null) {
                    peer = loads.node().run(node.base(), 8, timing.seconds());
                }
                print(out, "shopkb, words only", ours);
                print(out, "shopkb, FAQs only", oursFaqs);
                print(out, "OpenSearch, match", peer);
                all[round] = 100 * ours.throughput() / peer.throughput();
                faqs[round] = 100 * oursFaqs.throughput() / peer.throughput();
            }
            out.printf("%-26s %5d   shopkb/OpenSearch throughput by round %s, median %.0f%%%n", "", 8, percents(all),
                    median(all));
            out.printf("%-26s %5d   shopkb FAQs only/OpenSearch by round %s, median %.0f%%%n", "", 8, percents(faqs),
                    median(faqs));
        }
    }

    private static String percents(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%.0f%%", v)).collect(Collectors.joining(" / "));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The plugin zip the cluster engine's node needs: the peer's when given, else where {@code ./kb build} leaves it. */
    private static Path pluginZip(Path peerPlugin) {
        return peerPlugin != null ? peerPlugin : EngineConfig.DEFAULT_PLUGIN;
    }

    /**
     * The same server with its units in an OpenSearch node ({@code --engine opensearch}): one local node with the
     * project's plugin, the same content and message mix, words only, printed beside the embedded engine's figures.
     */
    private static void benchCluster(Path dir, Path pluginZip, Timing timing, HttpLoad load, SearchFigures embedded,
                                     SearchFigures peer, PrintStream out) throws Exception {
        out.printf("%n-- the same server, units in OpenSearch (--engine opensearch: one local node, words only) --%n");
        long start = System.nanoTime();
        try (LocalClusterEngine local = LocalClusterEngine.start(dir.resolve("cluster"), 1, pluginZip)) {
            out.printf("node started:                %8.1f s%n", (System.nanoTime() - start) / 1e9);
            var engine = new EngineConfig(EngineConfig.OPENSEARCH, local.cluster().nodes().getFirst().uri().toString(), pluginZip, 1);
            Path content = dir.resolve("content");
            var config = new ServerConfig("127.0.0.1", 0, content, dir.resolve("data-cluster"), dir.resolve("no-web"), false,
                    UsageLog.Settings.defaults(), false, dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE, engine);
            start = System.nanoTime();
            try (KbServer server = KbServer.start(config, MeaningModel.off())) {
                out.printf("index build in the cluster:  %8.1f s  (embedded: %.1f s)%n", (System.nanoTime() - start) / 1e9,
                        embedded.buildSeconds());
                String base = "http://127.0.0.1:" + server.port();
                SearchFigures cluster = oneAndEight(timing, (clients, time) -> load.search(base, clients, time));
                LoadRun.Result eight = cluster.eightClients();
                printBeside(out, "embedded, words only", embedded, "opensearch engine", cluster);
                out.printf("%-26s %5d   opensearch engine / embedded throughput %.0f%%%n", "", 8,
                        100 * eight.throughput() / embedded.eightClients().throughput());
                if (peer != null) {
                    out.printf("%-26s %5d   opensearch engine / plain OpenSearch node %.0f%%%n", "", 8,
                            100 * eight.throughput() / peer.eightClients().throughput());
                }
            }
        }
    }

    /** One client's figures and eight clients', each measured for its time, after the warm-up (see {@link Timing}). */
    private static SearchFigures oneAndEight(Timing timing, Measure measure) throws Exception {
        measure.run(8, timing.warmup());
        LoadRun.Result one = measure.run(1, timing.seconds());
        return new SearchFigures(0, one, measure.run(8, timing.seconds()), null);
    }

    /** A load of {@code clients} at once for {@code seconds}. */
    @FunctionalInterface
    private interface Measure {
        LoadRun.Result run(int clients, double seconds) throws Exception;
    }

    /** The rows of one and eight clients of a measured figure and another, each pair one above the other. */
    private static void printBeside(PrintStream out, String label, SearchFigures figures, String otherLabel,
                                    SearchFigures other) {
        printHeader(out, "search");
        print(out, label, figures.oneClient());
        print(out, otherLabel, other.oneClient());
        print(out, label, figures.eightClients());
        print(out, otherLabel, other.eightClients());
    }

    /** Encoding buyer messages of up to 30 characters, each new to the encoder (no cache), on one thread. */
    private static void benchEncoding(MeaningModel model, List<String> queries, PrintStream out) {
        var messages = queries.stream().map(q -> q.length() > 30 ? q.substring(0, 30) : q).distinct().toList();
        for (int i = 0; i < 300; i++) {
            model.encoder().encode(messages.get(i % messages.size()) + i);
        }
        double[] millis = new double[Math.min(2000, messages.size())];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            model.encoder().encode(messages.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        out.printf("encode a buyer message (<= 30 characters), 1 thread, %d messages: p50 %.2f ms, p99 %.2f ms%n",
                millis.length, millis[millis.length / 2], millis[(int) (millis.length * 0.99)]);
    }

    /**
     * Builds the same content ranking by meaning too: with a cold embedding cache (nothing encoded yet), with a warm
     * one (the index rebuilt, the vectors kept, as after a vocabulary edit), and a restart on both; then HTTP search at
     * 1 and 8 clients beside the words-only figures.
     */
    private static void benchMeaning(Path dir, MeaningModel model, Timing timing, SearchFigures wordsOnly, SearchFigures peer,
                                     HttpLoad load, PrintStream out) throws Exception {
        Path content = dir.resolve("content");
        Path data = dir.resolve("data-meaning");
        out.printf("%n-- ranking by words and meaning --%n");
        long start = System.nanoTime();
        int encoded;
        try (KnowledgeBase kb = KnowledgeBase.open(content, data, RankingOptions.full(), model)) {
            encoded = kb.health().meaning().vectorsEncoded();
        }
        double cold = (System.nanoTime() - start) / 1e9;
        out.printf("build, cold embedding cache: %8.1f s  (%,d texts encoded)%n", cold, encoded);
        Folders.delete(new ShopFolders(content, data).index());
        start = System.nanoTime();
        try (KnowledgeBase kb = KnowledgeBase.open(content, data, RankingOptions.full(), model)) {
            encoded = kb.health().meaning().vectorsEncoded();
        }
        double warm = (System.nanoTime() - start) / 1e9;
        out.printf("build, warm embedding cache: %8.1f s  (%d texts encoded; words only: %.1f s, x%.2f)%n", warm, encoded,
                wordsOnly.buildSeconds(), warm / wordsOnly.buildSeconds());
        System.gc();
        start = System.nanoTime();
        KbServer server = KbServer.start(config(dir, content, data, UsageLog.Settings.defaults()), model);
        KnowledgeBase kb = server.defaultShop().kb();
        out.printf("restart to ready:            %8.1f s  (persisted index %s, %d texts encoded)%n",
                (System.nanoTime() - start) / 1e9, kb.health().indexReused() ? "reused" : "REBUILT",
                kb.health().meaning().vectorsEncoded());
        System.gc();
        out.printf("heap after load:             %8d MB%n", heapMb());
        String base = "http://127.0.0.1:" + server.port();
        SearchFigures withMeaning = oneAndEight(timing, (clients, time) -> load.search(base, clients, time));
        LoadRun.Result eight = withMeaning.eightClients();
        printBeside(out, "HTTP search, words only", wordsOnly, "HTTP search, + meaning", withMeaning);
        out.printf("%-26s %5d   with meaning: %.0f%% of the words-only throughput%n", "", 8,
                100 * eight.throughput() / wordsOnly.eightClients().throughput());
        if (peer != null) {
            print(out, "OpenSearch, match", peer.eightClients());
            out.printf("%-26s %5d   with meaning: %.0f%% of the OpenSearch node's throughput%n", "", 8,
                    100 * eight.throughput() / peer.eightClients().throughput());
        }
        server.close();
    }

    /** A server on a free port of loopback over {@code content} as its default shop, no pages, no platform layer. */
    static ServerConfig config(Path dir, Path content, Path data, UsageLog.Settings usage) {
        return new ServerConfig("127.0.0.1", 0, content, data, dir.resolve("no-web"), false, usage, true,
                dir.resolve("no-platform"), ServerConfig.DEFAULT_SHOP_IDLE);
    }

    /** Heap in use now, in MB (call after a collection for what stays). */
    static long heapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static SearchFigures benchSize(Path demo, Path dir, int size, Timing timing, List<String> queries, HttpLoad load,
                                           WrkLoad faqOnly, PrintStream out) throws Exception {
        Path content = dir.resolve("content");
        Path data = dir.resolve("data");
        SyntheticContent.write(demo, content, size, 42);
        out.printf("%n== %,d synthetic entries ==%n", size);

        long start = System.nanoTime();
        KnowledgeBase.open(content, data).close();
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        out.printf("index build:        %8.1f s  (words only)%n", buildSeconds);

        System.gc();
        start = System.nanoTime();
        KbServer server = KbServer.start(config(dir, content, data, UsageLog.Settings.defaults()), MeaningModel.off());
        KnowledgeBase kb = server.defaultShop().kb();
        String token = server.firstToken().orElseThrow();
        out.printf("restart to ready:   %8.1f s  (persisted index %s)%n", (System.nanoTime() - start) / 1e9,
                kb.health().indexReused() ? "reused" : "REBUILT");
        System.gc();
        out.printf("heap after load:    %8d MB%n", heapMb());

        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoadRun.Operation inProcess = n -> kb.search(SearchRequest.of(queries.get(n % queries.size()), 10));
        load.search(base, 8, timing.warmup());

        printHeader(out, "search (words only)");
        var byConcurrency = new java.util.HashMap<Integer, LoadRun.Result>();
        for (int concurrency : LoadRun.levels()) {
            LoadRun.Result floor = LoadRun.run(concurrency, timing.seconds(), inProcess);
            LoadRun.Result overHttp = load.search(base, concurrency, timing.seconds());
            byConcurrency.put(concurrency, overHttp);
            LoadRun.Result http0 = load.ping(base, concurrency, timing.seconds());
            print(out, "in-process (floor)", floor);
            print(out, "HTTP, no search (floor)", http0);
            print(out, "HTTP search", overHttp);
            out.printf("%-26s %5d   server/in-process throughput %.0f%%, p50 over floor +%.2f ms%n", "", concurrency,
                    100 * overHttp.throughput() / floor.throughput(), overHttp.p50() - floor.p50());
        }
        LoadRun.Result faqEight = null;
        if (faqOnly != null) {
            // Its own warm-up: the JIT compiled the search for unrestricted requests only, and recompiles for these.
            faqOnly.run(base, 8, Math.min(10, timing.warmup()));
            faqEight = faqOnly.run(base, 8, timing.seconds());
            print(out, "HTTP search, FAQs only", faqEight);
        }

        List<String> faqIds = kb.content().entries().values().stream().filter(e -> e instanceof FaqEntry)
                .map(Entry::id).limit(500).toList();
        var writes = new AtomicLong();
        var writeErrors = new AtomicLong();
        var stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().name("bench-writer").start(() -> {
            int n = 0;
            while (!stop.get()) {
                long next = System.nanoTime() + 100_000_000L; // 10 writes a second
                try {
                    if (update(http, base, token, faqIds.get(n++ % faqIds.size()))) {
                        writes.incrementAndGet();
                    } else {
                        writeErrors.incrementAndGet();
                    }
                } catch (Exception e) {
                    writeErrors.incrementAndGet();
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        LoadRun.Result withWrites = load.search(base, 8, timing.seconds());
        stop.set(true);
        writer.join();
        print(out, "HTTP search + 10 writes/s", withWrites);
        out.printf("%-26s %5s   writes done %d (%.1f/s), write errors %d%n", "", "", writes.get(),
                writes.get() / withWrites.seconds(), writeErrors.get());

        server.close();
        compareLogging(dir, content, data, load, timing.seconds(), out);
        return new SearchFigures(buildSeconds, byConcurrency.get(1), byConcurrency.get(8), faqEight);
    }

    /**
     * Search at 8 clients against the same knowledge base served with the usage log (and learning) on and off, the
     * server restarted on its persisted index for each, alternating twice so drift on the machine falls on both.
     */
    private static void compareLogging(Path dir, Path content, Path data, HttpLoad load, double seconds, PrintStream out)
            throws Exception {
        UsageLog.Settings on = UsageLog.Settings.defaults();
        UsageLog.Settings off = new UsageLog.Settings(false, false, on.retentionDays());
        var offRuns = new java.util.ArrayList<LoadRun.Result>();
        var onRuns = new java.util.ArrayList<LoadRun.Result>();
        UsageLog.Stats stats = null;
        for (int round = 0; round < 2; round++) {
            try (KbServer quiet = KbServer.start(config(dir, content, data, off), MeaningModel.off())) {
                load.search("http://127.0.0.1:" + quiet.port(), 4, Math.min(2, seconds));
                offRuns.add(load.search("http://127.0.0.1:" + quiet.port(), 8, seconds));
            }
            try (KbServer logging = KbServer.start(config(dir, content, data, on), MeaningModel.off())) {
                load.search("http://127.0.0.1:" + logging.port(), 4, Math.min(2, seconds));
                onRuns.add(load.search("http://127.0.0.1:" + logging.port(), 8, seconds));
                logging.defaultShop().usage().flush();
                stats = logging.defaultShop().usage().stats();
            }
        }
        for (int i = 0; i < offRuns.size(); i++) {
            print(out, "HTTP search, log off", offRuns.get(i));
            print(out, "HTTP search, log on", onRuns.get(i));
        }
        double p99Off = offRuns.stream().mapToDouble(LoadRun.Result::p99).average().orElse(0);
        double p99On = onRuns.stream().mapToDouble(LoadRun.Result::p99).average().orElse(0);
        out.printf("%-26s %5d   p99 with logging %.2f ms vs %.2f ms without: %+.1f%%; logged %d, dropped %d, failed %d%n",
                "", 8, p99On, p99Off, 100 * (p99On / p99Off - 1), stats.logged(), stats.dropped(), stats.failed());
    }

    /** The HTTP side of the load, against a server at {@code base}: searches cycling through the query mix, and pings. */
    interface HttpLoad {
        LoadRun.Result search(String base, int concurrency, double seconds) throws Exception;

        LoadRun.Result ping(String base, int concurrency, double seconds) throws Exception;
    }

    /**
     * wrk in its own process when installed (its request scripts written once into {@code dir}); else Java's HTTP
     * client in this JVM (which takes CPU from the server).
     */
    static HttpLoad httpLoad(boolean useWrk, List<String> searchPaths, Path dir) throws IOException {
        if (useWrk) {
            WrkLoad search = WrkLoad.forPaths(searchPaths, Files.createDirectories(dir.resolve("wrk-search")));
            WrkLoad ping = WrkLoad.forPaths(List.of(PING), Files.createDirectories(dir.resolve("wrk-ping")));
            return new HttpLoad() {
                public LoadRun.Result search(String base, int concurrency, double seconds) throws Exception {
                    return search.run(base, concurrency, seconds);
                }

                public LoadRun.Result ping(String base, int concurrency, double seconds) throws Exception {
                    return ping.run(base, concurrency, seconds);
                }
            };
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new HttpLoad() {
            public LoadRun.Result search(String base, int concurrency, double seconds) throws Exception {
                List<URI> uris = searchPaths.stream().map(p -> URI.create(base + p)).toList();
                return LoadRun.run(concurrency, seconds, n -> get(http, uris.get(n % uris.size())));
            }

            public LoadRun.Result ping(String base, int concurrency, double seconds) throws Exception {
                URI uri = URI.create(base + PING);
                return LoadRun.run(concurrency, seconds, n -> get(http, uri));
            }
        };
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
    }

    /** Reads an FAQ with its ETag and writes it back with one more similar question. */
    static boolean update(HttpClient http, String base, String token, String id) throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/api/entries/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode entry = JSON.readTree(read.body());
        var similar = (com.fasterxml.jackson.databind.node.ArrayNode) entry.get("similar");
        if (similar.size() < 150) {
            similar.add("编辑加的问法" + System.nanoTime() % 1000);
        }
        HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create(base + "/api/entries/" + id))
                .header("Authorization", "Bearer " + token).header("If-Match", read.headers().firstValue("ETag").orElse(""))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(entry.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return written.statusCode() == 200;
    }

    /** The machine line every bench report starts with: cores, system, Java, heap and garbage collector. */
    static String machine() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return "machine: %d cores, %s %s, Java %s, max heap %d MB, collectors %s".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1 << 20), collectors);
    }

    /** The bench's message mix: 5,000 buyer-message variants made from the demo content's questions. */
    static List<String> messageMix(Path demo) {
        return SyntheticContent.queries(demo, 5000, 7);
    }

    /** Search requests for the queries, in the given prefix ({@code /api} or a shop's {@code /api/shops/NAME}). */
    static List<String> searchPaths(String prefix, List<String> queries) {
        return searchPaths(prefix, queries, null);
    }

    /** The same, of the given entry type only (null: every type). */
    static List<String> searchPaths(String prefix, List<String> queries, String type) {
        String filter = type == null ? "" : "&type=" + type;
        return queries.stream()
                .map(q -> prefix + "/search?limit=10" + filter + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
    }

    /** The header of a table of {@link #print} rows, after a blank line. */
    private static void printHeader(PrintStream out, String label) {
        out.printf("%n%-26s %5s %9s %9s %9s %11s %8s%n", label, "conc", "p50 ms", "p99 ms", "p99.9 ms", "per second", "errors");
    }

    static void print(PrintStream out, String name, LoadRun.Result r) {
        out.printf("%-26s %5d %9.2f %9.2f %9.2f %11.0f %8d%n", name, r.concurrency(), r.p50(), r.p99(), r.p999(),
                r.throughput(), r.errors());
    }

}
