package shopkb.opensearch.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import shopkb.opensearch.nodes.LocalCluster;

/**
 * The cluster engine over real OpenSearch nodes started on this machine (child JVMs, see {@link LocalCluster}) with the
 * plugin installed from its zip, for measuring and trying the engine without a cluster of one's own. Closing stops the
 * nodes; their data is thrown away with {@code workDir}.
 */
public final class LocalClusterEngine implements AutoCloseable {

    private final LocalCluster cluster;
    private final ClusterEngine engine;

    private LocalClusterEngine(LocalCluster cluster, ClusterEngine engine) {
        this.cluster = cluster;
        this.engine = engine;
    }

    /**
     * Starts {@code nodes} nodes (1, or 3 for a cluster with a replica on another node) with the JVM's full compilation,
     * as for measurements.
     */
    public static LocalClusterEngine start(Path workDir, int nodes, Path pluginZip) throws IOException, InterruptedException {
        if (!Files.isRegularFile(pluginZip)) {
            throw new IllegalArgumentException("the analysis plugin zip " + pluginZip + " does not exist; build it with ./kb build");
        }
        LocalCluster cluster = LocalCluster.start(workDir, nodes, List.of(pluginZip), LocalCluster.Compilation.FULL);
        try {
            var client = new ClusterClient(cluster.uris());
            return new LocalClusterEngine(cluster, ClusterEngine.connect(client, ClusterEngine.DEFAULT_PREFIX));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public ClusterEngine engine() {
        return engine;
    }

    public LocalCluster cluster() {
        return cluster;
    }

    @Override
    public void close() throws InterruptedException {
        cluster.close();
    }
}
