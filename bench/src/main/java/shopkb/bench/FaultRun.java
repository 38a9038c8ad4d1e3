package shopkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import shopkb.bench.Timeline.EditOutcome;
import shopkb.content.ContentLoader;
import shopkb.content.FaqEntry;
import shopkb.editing.Folders;
import shopkb.opensearch.nodes.LocalCluster;
import shopkb.opensearch.nodes.LocalNode;
import shopkb.opensearch.nodes.NodeClient;
import shopkb.quality.SyntheticContent;

/**
 * {@code faults}: a local three-node OpenSearch cluster and two shopkb servers over it, each in a process of its own
 * with its own data folder, serving the same shop. Under a search load spread over both servers (as a load balancer
 * would: what one cannot answer is asked of the other) and an editor writing through both, it goes through four phases:
 * steady; one OpenSearch node killed with SIGKILL (the one holding the primaries of the shop's files and units); one of
 * the servers killed with SIGKILL (with an edit to it under way, when one comes in time); the survivor alone. Then every acknowledged edit is read back through the survivor and
 * through a fresh server started over the same cluster with an empty data folder. Prints a table per phase and returns
 * the process's exit status: 0 only when every acknowledged edit is present and no error window passed
 * {@link #FAILOVER_LIMIT_SECONDS}.
 */
public final class FaultRun {

    /** The failover window issue 16 allows: searches may fail only inside one this long. */
    static final double FAILOVER_LIMIT_SECONDS = 10;
    private static final int SEARCH_CLIENTS = 4;
    /** Existing FAQ entries the editor rewrites, beside the ones it creates. */
    private static final int FAQS_EDITED = 40;
    /** How long the server kill waits for an edit under way to that server (five edits a second, half of them to it). */
    private static final Duration WRITE_WAIT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultRun() {
    }

    /**
     * @param demo the content the synthetic knowledge base is made from
     * @param entries the synthetic knowledge base's size
     * @param pluginZip the project's analysis plugin, installed on every node
     */
    public static int run(Path demo, double secondsPerPhase, int entries, Path pluginZip, PrintStream out) throws Exception {
        if (!Files.isRegularFile(pluginZip)) {
            throw new IllegalStateException(pluginZip + " is missing: run ./kb build first");
        }
        Path dir = Files.createTempDirectory("shopkb-faults-");
        try (var started = new Started(dir)) {
            out.printf("faults: %,d synthetic entries, %.0f s per phase, %d search clients, an editor at %d edits/s; "
                    + "%d cores, Java %s%n", entries, secondsPerPhase, SEARCH_CLIENTS, Editor.EDITS_PER_SECOND,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Path seed = dir.resolve("content");
            SyntheticContent.write(demo, seed, entries, 11);
            long begun = System.nanoTime();
            LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), 3, List.of(pluginZip));
            started.push(cluster);
            List<URI> nodes = cluster.uris();
            out.printf("cluster: 3 OpenSearch nodes (512 MB heap each, the project's plugin) started in %.1f s%n",
                    (System.nanoTime() - begun) / 1e9);
            ServerProcess a = startServer("server-a", dir, seed, nodes, started, out);
            ServerProcess b = startServer("server-b", dir, seed, nodes, started, out);
            cluster.awaitNodes(3, "green", Duration.ofSeconds(120)); // every primary has its replica before the first kill

            var ledger = new EditLedger();
            Timeline timeline = load(cluster, a, b, seed, demo, secondsPerPhase, ledger, out);

            EditLedger.Check survivor = ledger.check(reader(b));
            ServerProcess fresh = startServer("server-c", dir, seed, nodes, started, out);
            EditLedger.Check afresh = ledger.check(reader(fresh));
            return report(timeline, ledger, survivor, afresh, out);
        }
    }

    /**
     * What the run started, stopped in the reverse order, then its folder deleted: when the run ends, fails, or the JVM
     * is asked to exit (Ctrl-C) while it runs.
     */
    private static final class Started implements AutoCloseable {

        private final Path dir;
        private final Deque<AutoCloseable> started = new ArrayDeque<>();
        private final Thread hook = new Thread(this::closeOnExit, "faults-cleanup");
        private boolean closed;

        Started(Path dir) {
            this.dir = dir;
            Runtime.getRuntime().addShutdownHook(hook);
        }

        synchronized void push(AutoCloseable closeable) {
            started.push(closeable);
        }

        @Override
        public void close() throws Exception {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting: the hook finds everything closed.
            }
        }

        private void closeOnExit() {
            try {
                closeAll();
            } catch (Exception e) {
                System.err.println("faults: cleaning up on exit failed: " + e);
            }
        }

        private synchronized void closeAll() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            Exception failure = null;
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            Folders.delete(dir);
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A server over its own copy of the seed content, with its own data folder, its units in the cluster. */
    private static ServerProcess startServer(String name, Path dir, Path seed, List<URI> nodes, Started started,
                                             PrintStream out) throws IOException, InterruptedException {
        long begun = System.nanoTime();
        Path own = dir.resolve(name);
        ServerProcess server = ServerProcess.start(name, own, Folders.copy(seed, own.resolve("content")), nodes);
        started.push(server);
        out.printf("%s: pid %d at %s, its own data folder, ready in %.1f s%n", name, server.pid(), server.base(),
                (System.nanoTime() - begun) / 1e9);
        return server;
    }

    /** The four phases under load; returns what happened when. */
    private static Timeline load(LocalCluster cluster, ServerProcess a, ServerProcess b, Path seed, Path demo,
                                 double secondsPerPhase, EditLedger ledger, PrintStream out) throws Exception {
        String fallbackToken = a.firstToken().or(b::firstToken).orElseThrow(
                () -> new IllegalStateException("neither server printed an admin token on its first start"));
        Map<URI, String> tokens = Map.of(a.base(), a.firstToken().orElse(fallbackToken),
                b.base(), b.firstToken().orElse(fallbackToken));
        var balancer = new Balancer(Balancer.client(), List.of(a.base(), b.base()));
        List<String> paths = BenchCommand.searchPaths("/api", SyntheticContent.queries(demo, 3000, 3));
        List<Editor.Faq> faqs = new ContentLoader(seed).load().entries().values().stream()
                .filter(FaqEntry.class::isInstance).map(FaqEntry.class::cast)
                .sorted(Comparator.comparing(FaqEntry::id)).limit(FAQS_EDITED)
                .map(faq -> new Editor.Faq(faq.id(), faq.intent(), faq.scenario())).toList();

        LoadRun.run(SEARCH_CLIENTS, Math.min(5, secondsPerPhase), n -> balancer.get(paths.get(n % paths.size()))); // JIT warm-up
        long origin = System.nanoTime();
        var timeline = new Timeline(origin);
        var editor = new Editor(balancer, tokens, faqs, ledger, timeline);
        timeline.beginPhase("1 steady: 3 nodes, 2 servers", origin);
        Thread editing = Thread.ofPlatform().name("faults-editor").start(editor);
        var searchFailure = new AtomicReference<Exception>();
        Thread searching = Thread.ofPlatform().name("faults-search").start(() -> {
            try {
                LoadRun.run(SEARCH_CLIENTS, 4 * secondsPerPhase, n -> {
                    long start = System.nanoTime();
                    try {
                        Balancer.Answer answer = balancer.get(paths.get(n % paths.size()));
                        timeline.search(start, System.nanoTime(), answer.response().statusCode() == 200, answer.tries() > 1);
                    } catch (IOException e) {
                        timeline.search(start, System.nanoTime(), false, true);
                    }
                });
            } catch (InterruptedException e) {
                searchFailure.set(e);
            }
        });
        try {
            long phase = (long) (secondsPerPhase * 1e9);
            awaitUntil(origin + phase);
            Victim victim = victim(cluster);
            String manager = cluster.clusterManager().name();
            timeline.beginPhase("2 node " + victim.node().name() + " killed", System.nanoTime());
            victim.node().kill();
            out.printf("at %.1f s: kill -9 of OpenSearch %s, which held the primaries of %s (of %d shopkb-* indexes); %s%n",
                    timeline.seconds(System.nanoTime()), victim.node().name(), String.join(", ", victim.primaries()),
                    victim.indexes(), manager.equals(victim.node().name()) ? "it was the elected cluster manager"
                            : "the elected cluster manager was " + manager);

            awaitUntil(origin + 2 * phase);
            boolean underWay = awaitWriteTo(editor, a.base());
            timeline.beginPhase("3 " + a.name() + " killed", System.nanoTime());
            a.kill();
            out.printf("at %.1f s: kill -9 of %s (pid %d), %s%n", timeline.seconds(System.nanoTime()), a.name(), a.pid(),
                    underWay ? "an edit to it under way" : "no edit to it under way");

            awaitUntil(origin + 3 * phase);
            timeline.beginPhase("4 " + b.name() + " alone", System.nanoTime());
            searching.join(); // the search load ends by itself after the four phases

        } finally {
            editor.stop();
            searching.join();
            editing.join();
        }
        if (searchFailure.get() != null) {
            throw searchFailure.get();
        }
        timeline.end(System.nanoTime());
        return timeline;
    }

    /**
     * Waits, up to {@link #WRITE_WAIT}, for the editor to have a write under way to {@code server}, so the server dies with
     * one unanswered; returns whether it has.
     */
    private static boolean awaitWriteTo(Editor editor, URI server) {
        long deadline = System.nanoTime() + WRITE_WAIT.toNanos();
        while (!server.equals(editor.writingTo())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /** Waits for a point in time: the phases' length, not a condition. */
    private static void awaitUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The shops' indexes' shards as the cluster lists them: index, primary or replica, node. */
    private static JsonNode shards(LocalCluster cluster) throws IOException, InterruptedException {
        NodeClient.Response response = cluster.client().get("/_cat/shards/shopkb-*?format=json&h=index,prirep,node,state");
        if (response.status() != 200) {
            throw new IllegalStateException("the cluster does not list its shards: " + response);
        }
        return response.body();
    }

    /** The node to kill, the primaries it holds, and how many shopkb-* indexes the cluster has. */
    private record Victim(LocalNode node, List<String> primaries, int indexes) {
    }

    /**
     * The node holding the primaries that matter most to the default shop: of its files ({@code shopkb-files.default},
     * the home of its content and history) and of its units ({@code shopkb-default-*}, what searches read); the first by
     * name among equals.
     */
    private static Victim victim(LocalCluster cluster) throws IOException, InterruptedException {
        var held = new TreeMap<String, List<String>>();
        int indexes = 0;
        for (JsonNode shard : shards(cluster)) {
            if (shard.path("prirep").asText().equals("p")) {
                indexes++;
                held.computeIfAbsent(shard.path("node").asText(), k -> new ArrayList<>()).add(shard.path("index").asText());
            }
        }
        var chosen = held.entrySet().stream().max(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> weight(e.getValue()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalStateException("no primary of a shopkb-* index"));
        return new Victim(cluster.node(chosen.getKey()), chosen.getValue(), indexes);
    }

    /** The files' primary counts more than the units' (edits are what must not be lost); both more than anything else. */
    private static int weight(List<String> primaries) {
        int weight = 0;
        for (String index : primaries) {
            if (index.equals("shopkb-files.default")) {
                weight += 3;
            } else if (index.startsWith("shopkb-default-")) {
                weight += 2;
            }
        }
        return weight;
    }

    /** Reads an entry's answer through one server. */
    private static EditLedger.Reader reader(ServerProcess server) {
        HttpClient http = Balancer.client();
        return id -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.base().resolve("/api/entries/" + id))
                    .timeout(Balancer.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException(server.name() + " answered " + response.statusCode());
            }
            return Optional.of(JSON.readTree(response.body()).path("answer").asText());
        };
    }

    /** Prints the table and the verdict; returns the exit status. */
    private static int report(Timeline timeline, EditLedger ledger, EditLedger.Check survivor, EditLedger.Check fresh,
                              PrintStream out) {
        List<Timeline.PhaseFigures> phases = timeline.figures();
        out.printf("%n%-28s %6s %8s %6s %8s %10s %7s %7s %8s %6s %7s %6s %7s%n", "phase", "s", "answered", "errors", "retried",
                "err window", "p50 ms", "p99 ms", "max ms", "edits", "refused", "failed", "unknown");
        for (Timeline.PhaseFigures p : phases) {
            out.printf("%-28s %6.1f %8d %6d %8d %10.1f %7.1f %7.1f %8.1f %6d %7d %6d %7d%n", p.name(), p.to() - p.from(),
                    p.answered(), p.errors(), p.failedOver(), p.longestErrorWindow(), p.p50(), p.p99(), p.max(), p.acknowledged(),
                    p.refused(), p.failed(), p.unknown());
        }
        out.printf("(answered: searches with a 200; errors: searches no server answered; retried: answered by the other server%n"
                + " after the first could not be reached; err window: the longest span of failed searches, in s, failures%n"
                + " < %.0f s apart joined; ms: answered searches, the retry included;%n"
                + " edits: acknowledged (2xx); refused: 412/409, not losses; failed: another answer, or no server reachable;%n"
                + " unknown: the server died with the write under way)%n", Timeline.WINDOW_GAP_SECONDS);
        List<Timeline.Window> windows = timeline.errorWindows();
        if (!windows.isEmpty()) {
            out.println("error windows: " + windows.stream().map(w -> String.format("%.1f-%.1f s", w.from(), w.to()))
                    .collect(Collectors.joining(", ")));
        }
        printReasons(out, "refused edits", timeline.reasons(EditOutcome.REFUSED));
        printReasons(out, "failed edits", timeline.reasons(EditOutcome.FAILED));
        printReasons(out, "edits of unknown outcome", timeline.reasons(EditOutcome.UNKNOWN));

        out.printf("%nacknowledged edits: %d, to %d entries%n", ledger.acknowledgedEdits(), ledger.entries().size());
        out.printf("entries holding their last acknowledged edit afterwards: %d of %d (survivor), %d of %d (fresh server, "
                + "empty data folder)%n", survivor.present(), survivor.entries(), fresh.present(), fresh.entries());
        if (ledger.lostAnswers() > 0) {
            out.printf("writes whose answer was lost with the server: %d; %d not followed by an acknowledged edit of their entry,"
                    + " of which found written afterwards: %d (survivor), %d (fresh server)%n", ledger.lostAnswers(),
                    ledger.lostAnswersStanding(), survivor.lostAnswerLanded(), fresh.lostAnswerLanded());
        }
        printMissing(out, "survivor", survivor);
        printMissing(out, "fresh server", fresh);
        double longest = windows.stream().mapToDouble(Timeline.Window::seconds).max().orElse(0);
        boolean windowsOk = longest <= FAILOVER_LIMIT_SECONDS;
        boolean editsOk = survivor.missing().isEmpty() && fresh.missing().isEmpty();
        out.printf("longest error window: %.1f s (limit %.0f s): %s%n", longest, FAILOVER_LIMIT_SECONDS, windowsOk ? "ok" : "FAILED");
        out.printf("acknowledged edits present: %s%n", editsOk ? "ok" : "FAILED");
        return windowsOk && editsOk ? 0 : 1;
    }

    private static void printReasons(PrintStream out, String what, Map<String, Long> reasons) {
        if (!reasons.isEmpty()) {
            out.println(what + " by reason: " + reasons.entrySet().stream().map(r -> r.getKey() + " ×" + r.getValue())
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void printMissing(PrintStream out, String where, EditLedger.Check check) {
        if (!check.missing().isEmpty()) {
            out.printf("missing on the %s (first 5 of %d):%n", where, check.missing().size());
            check.missing().stream().limit(5).forEach(m -> out.println("  " + m));
        }
    }
}
