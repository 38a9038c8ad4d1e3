package shopkb.opensearch.nodes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The jars a node runs and their version, as this module's build resolved them: the build writes their paths into
 * its resources (see its pom), so they name files in the local Maven repository.
 */
final class NodeJars {

    private NodeJars() {
    }

    /** The OpenSearch version of these jars, e.g. 3.9.0. */
    static String version() {
        return resource("opensearch.version");
    }

    /** The server, its libraries, log4j-core, the plugin class loader and the agent bootstrap; Netty included. */
    static List<Path> server() {
        return jars("node.classpath");
    }

    /** The transport module's own jar, which goes under {@code modules/transport-netty4}. */
    static List<Path> transportModule() {
        return jars("transport-netty4.classpath");
    }

    private static List<Path> jars(String resource) {
        List<Path> jars = Arrays.stream(resource(resource).split(File.pathSeparator)).map(Path::of).toList();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: rebuild shopkb-opensearch-nodes to resolve it again");
            }
        }
        return jars;
    }

    private static String resource(String name) {
        try (InputStream in = NodeJars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build shopkb-opensearch-nodes with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
