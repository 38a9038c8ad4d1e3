package shopkb.opensearch.nodes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A cluster of real OpenSearch nodes on loopback, each a child JVM (see {@link LocalNode}), with plugins installed
 * from their zips. One node runs as {@code discovery.type: single-node}; more form a cluster with every node
 * eligible as cluster manager. {@link #close()} stops them all; a JVM shutdown hook kills any left.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(tmp, 3, List.of(pluginZip))) {
 *     NodeClient client = cluster.client();
 *     ...
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {

    /** Small enough for three nodes and the tests beside them on a two-core, few-GB machine. */
    public static final int HEAP_MB = 512;

    /** How the nodes' JVMs compile code. */
    public enum Compilation {
        /**
         * The quick compiler only (C1): on two cores three nodes start in about 6 s instead of 13-15 s, at the
         * cost of slower code once warm; for tests of behaviour.
         */
        QUICK_START,
        /** The JVM's default tiered compilation, for measurements of speed. */
        FULL
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final List<LocalNode> nodes;
    private final Thread killer;
    private Duration startTime = Duration.ZERO;

    private LocalCluster(List<LocalNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.killer = new Thread(() -> this.nodes.forEach(LocalNode::killNow));
    }

    /** {@link #start(Path, int, List, Compilation)} for tests: {@link Compilation#QUICK_START}. */
    public static LocalCluster start(Path workDir, int size, List<Path> pluginZips) throws IOException, InterruptedException {
        return start(workDir, size, pluginZips, Compilation.QUICK_START);
    }

    /**
     * Starts {@code size} nodes under {@code workDir} and returns once all have joined and the cluster is at least
     * yellow.
     *
     * @throws IllegalStateException naming the node and showing its console when a node exits or the cluster does
     *     not form in time
     */
    public static LocalCluster start(Path workDir, int size, List<Path> pluginZips, Compilation compilation)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path home = NodeHome.create(workDir.resolve("home"), pluginZips);
        int[] ports = freePorts(2 * size);
        var nodes = new ArrayList<LocalNode>();
        for (int i = 0; i < size; i++) {
            nodes.add(new LocalNode("node-" + i, workDir.resolve("node-" + i), ports[2 * i], ports[2 * i + 1]));
        }
        List<String> clusterSettings = clusterSettings(nodes);
        var cluster = new LocalCluster(nodes);
        Runtime.getRuntime().addShutdownHook(cluster.killer);
        try {
            for (LocalNode node : nodes) {
                node.configure(clusterSettings);
                node.start(home, HEAP_MB, compilation);
            }
            cluster.awaitNodes(size, "yellow", START_TIMEOUT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.startTime = Duration.ofNanos(System.nanoTime() - started);
        return cluster;
    }

    public List<LocalNode> nodes() {
        return nodes;
    }

    /** The nodes' REST addresses, as a client of the cluster is given them. */
    public List<java.net.URI> uris() {
        return nodes.stream().map(LocalNode::uri).toList();
    }

    public LocalNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in " + nodes));
    }

    /** From the first launch to the cluster's answer that every node had joined. */
    public Duration startTime() {
        return startTime;
    }

    /** A client of the first node still running. */
    public NodeClient client() {
        return new NodeClient(nodes.stream().filter(LocalNode::isAlive).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node is running")).uri());
    }

    /** The node elected cluster manager, as a running node sees it. */
    public LocalNode clusterManager() throws IOException, InterruptedException {
        NodeClient.Response response = client().get("/_cat/cluster_manager?format=json");
        if (response.status() != 200) {
            throw new IllegalStateException("no cluster manager: " + response);
        }
        return node(response.body().path(0).path("node").asText());
    }

    /**
     * Waits until {@code count} nodes are in the cluster and its health is at least {@code status} (yellow or green).
     *
     * @throws IllegalStateException when a node of the cluster exits (other than one killed on purpose) or the time
     *     runs out
     */
    public void awaitNodes(int count, String status, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (LocalNode node : nodes) {
                if (node.hasExited()) {
                    throw new IllegalStateException(node.exitReport());
                }
            }
            try {
                NodeClient.Response health = client().get("/_cluster/health?wait_for_nodes=" + count
                        + "&wait_for_status=" + status + "&timeout=1s");
                if (health.status() == 200 && !health.body().path("timed_out").asBoolean(true)) {
                    return;
                }
                last = health.toString();
            } catch (IOException e) {
                last = e.toString();
                Thread.sleep(200); // not listening yet, or closing a connection while it starts
            }
        }
        throw new IllegalStateException("the cluster did not reach " + count + " nodes and " + status + " in " + timeout
                + "; last answer: " + last + "\n" + nodes.stream().map(n -> n.name() + ":\n" + n.consoleTail(20))
                .collect(Collectors.joining("\n")));
    }

    /** Stops every node still running (SIGTERM, SIGKILL after 10 s), all at once. */
    @Override
    public void close() throws InterruptedException {
        for (LocalNode node : nodes) {
            node.signalStop();
        }
        for (LocalNode node : nodes) {
            node.stop(10_000);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is running or about to; it finds nothing left to kill.
        }
    }

    private static List<String> clusterSettings(List<LocalNode> nodes) {
        var settings = new ArrayList<String>();
        // Unique, so these nodes never join another test's cluster on the same machine.
        settings.add("cluster.name: shopkb-" + UUID.randomUUID().toString().substring(0, 8));
        // Test machines' disks may be fuller than the production watermarks allow; shards must still be placed.
        settings.add("cluster.routing.allocation.disk.threshold_enabled: false");
        if (nodes.size() == 1) {
            settings.add("discovery.type: single-node");
        } else {
            settings.add("discovery.seed_hosts: [" + nodes.stream().map(n -> "\"127.0.0.1:" + n.transportPort() + "\"")
                    .collect(Collectors.joining(", ")) + "]");
            settings.add("cluster.initial_cluster_manager_nodes: [" + nodes.stream().map(n -> "\"" + n.name() + "\"")
                    .collect(Collectors.joining(", ")) + "]");
        }
        return settings;
    }

    /** Ports the OS has just handed out; the nodes bind them a moment later. */
    private static int[] freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
