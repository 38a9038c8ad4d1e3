package shopkb.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import shopkb.opensearch.nodes.LocalCluster;

/**
 * What the tests of servers over one cluster start from: one real OpenSearch node with the project's plugin, and two real
 * servers over it, A and B, each with its own folders under {@link #work} (the fixture as its default shop).
 */
abstract class TwoServersOverOneNode {

    /** The zip {@code mvn package} built in opensearch-plugin; failsafe passes its path. */
    static final Path ZIP = Path.of(Objects.requireNonNull(System.getProperty("shopkb.plugin.zip"),
            "shopkb.plugin.zip is not set: run the tests on real nodes with mvn verify"));
    /** How long a change made through one server may take to be served by another (it looks every second). */
    static final Duration SPREAD = Duration.ofSeconds(5);

    @TempDir
    static Path work;
    static LocalCluster cluster;
    /** What a server, or the command line, is given to work over the node. */
    static EngineConfig engine;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void startNodeAndServers() throws Exception {
        cluster = LocalCluster.start(work.resolve("cluster"), 1, List.of(ZIP));
        String urls = cluster.uris().stream().map(Object::toString).collect(Collectors.joining(","));
        engine = new EngineConfig(EngineConfig.OPENSEARCH, urls, ZIP, 1);
        a = new TestServer(work.resolve("a"), engine);
        b = new TestServer(work.resolve("b"), engine);
    }

    @AfterAll
    static void stopServersAndNode() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, cluster}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }
}
