package shopkb.server;

import java.io.IOException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import shopkb.ContentHome;
import shopkb.UnitEngine;
import shopkb.editing.FileHome;
import shopkb.editing.Folders;
import shopkb.opensearch.engine.ClusterClient;
import shopkb.opensearch.engine.ClusterEngine;
import shopkb.opensearch.engine.LocalClusterEngine;

/**
 * The engine a process runs with, opened from its {@link EngineConfig}: the embedded one, a cluster reached at the given
 * addresses, or (where allowed) a local cluster this process starts and stops.
 */
public final class RunningEngine implements AutoCloseable {

    private final UnitEngine engine;
    private final String description;
    private final LocalClusterEngine local;
    private final Path localDir;

    private RunningEngine(UnitEngine engine, String description, LocalClusterEngine local, Path localDir) {
        this.engine = engine;
        this.description = description;
        this.local = local;
        this.localDir = localDir;
    }

    /**
     * @param mayStartLocal whether a cluster may be started here when no address is given (the quality command); a server
     *                      needs a cluster of its own
     */
    public static RunningEngine open(EngineConfig config, boolean mayStartLocal) {
        if (!config.cluster()) {
            return new RunningEngine(UnitEngine.EMBEDDED, "embedded", null, null);
        }
        if (!config.opensearch().isEmpty()) {
            ClusterEngine engine = ClusterEngine.connect(ClusterClient.of(config.opensearch()), ClusterEngine.DEFAULT_PREFIX);
            return new RunningEngine(engine, "opensearch at " + config.opensearch(), null, null);
        }
        if (!mayStartLocal) {
            throw new IllegalArgumentException("--engine opensearch needs the cluster's addresses: --opensearch http://host:9200[,...]");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("shopkb-opensearch");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for a local OpenSearch cluster", e);
        }
        try {
            LocalClusterEngine local = LocalClusterEngine.start(dir, config.localNodes(), config.pluginZip());
            return new RunningEngine(local.engine(), "opensearch, " + config.localNodes() + " local node"
                    + (config.localNodes() == 1 ? "" : "s") + " started in " + local.cluster().startTime().toMillis() + " ms",
                    local, dir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            var failure = new IllegalStateException("cannot start a local OpenSearch cluster: " + e.getMessage(), e);
            try {
                Folders.delete(dir);
            } catch (IOException deleting) {
                failure.addSuppressed(deleting);
            }
            throw failure;
        }
    }

    public UnitEngine engine() {
        return engine;
    }

    /**
     * Where the shops' content and history are kept: with a cluster, in the cluster (so servers over it share them and
     * none holds anything the others need); embedded, in each shop's own folders.
     */
    public ContentHome contentHome() {
        ClusterEngine cluster = cluster();
        return cluster == null ? ContentHome.LOCAL : cluster.contentHome();
    }

    /**
     * Where the server-wide files under {@code data} (the API tokens) are kept: with a cluster, in the cluster, mirrored
     * in {@code data}; embedded, in {@code data}.
     */
    public FileHome serverFiles(Path data, java.util.List<String> names) {
        ClusterEngine cluster = cluster();
        return cluster == null ? FileHome.LOCAL : cluster.contentHome().serverFiles(data, names);
    }

    /** The cluster engine, or null when embedded. */
    public ClusterEngine cluster() {
        return engine instanceof ClusterEngine cluster ? cluster : null;
    }

    /** E.g. {@code embedded} or {@code opensearch at http://a:9200}. */
    public String description() {
        return description;
    }

    /** Stops a local cluster this process started; a cluster of one's own is left running. */
    @Override
    public void close() {
        if (local == null) {
            return;
        }
        try {
            local.close();
            Folders.delete(localDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LoggerFactory.getLogger(RunningEngine.class).warn("interrupted while stopping the local OpenSearch nodes");
        } catch (IOException e) {
            LoggerFactory.getLogger(RunningEngine.class).warn("the local OpenSearch nodes' folder {} was not deleted: {}",
                    localDir, e.toString());
        }
    }
}
