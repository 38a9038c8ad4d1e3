package shopkb.opensearch.nodes;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One OpenSearch node: a child JVM (the caller's Java) on loopback with its own config, data, logs and tmp folders
 * under {@link #dir()}, its console output in {@code logs/console.log}.
 */
public final class LocalNode {

    private final String name;
    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private Process process;
    private volatile boolean expectedToStop;

    LocalNode(String name, Path dir, int httpPort, int transportPort) {
        this.name = name;
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    /** The REST address, e.g. http://127.0.0.1:41234. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    int transportPort() {
        return transportPort;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a machine that dies: no shutdown, no flush. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        expectedToStop = true;
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL without waiting, for a JVM that is exiting. */
    void killNow() {
        expectedToStop = true;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Whether the node stopped on its own: it was started, and neither killed nor asked to stop. */
    boolean hasExited() {
        return process != null && !process.isAlive() && !expectedToStop;
    }

    /** The last lines of the node's console, for a test's failure message. */
    public String consoleTail(int lines) {
        Path console = dir.resolve("logs/console.log");
        try {
            List<String> all = Files.readAllLines(console, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** Writes the node's config; {@code clusterSettings} are opensearch.yml lines shared by the cluster's nodes. */
    void configure(List<String> clusterSettings) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        var yml = new ArrayList<String>();
        yml.add("node.name: " + name);
        yml.add("path.data: " + dir.resolve("data"));
        yml.add("path.logs: " + dir.resolve("logs"));
        yml.add("network.host: 127.0.0.1");
        yml.add("http.port: " + httpPort);
        yml.add("transport.port: " + transportPort);
        yml.addAll(clusterSettings);
        Files.write(config.resolve("opensearch.yml"), yml, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("log4j2.properties"), String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.console.ref = console", ""), StandardCharsets.UTF_8);
    }

    void start(Path home, int heapMb, LocalCluster.Compilation compilation) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (compilation == LocalCluster.Compilation.QUICK_START) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                // No JNA: OpenSearch refuses to start as root, and tests run as root in CI; without JNA it cannot
                // tell, and goes without mlockall and seccomp, which a loopback test node does not need.
                "-Djna.nosys=true", "-Djna.nounpack=true",
                "-Dlog4j2.disable.jmx=true",
                "-Dopensearch.path.home=" + home,
                "-Dopensearch.path.conf=" + dir.resolve("config"),
                "-Dopensearch.distribution.type=tar",
                "-Dopensearch.bundled_jdk=false",
                "-cp", NodeJars.server().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "org.opensearch.bootstrap.OpenSearch"));
        process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile())
                .start();
    }

    /** SIGTERM: the node shuts down in order; see {@link #stop}. */
    void signalStop() {
        expectedToStop = true;
        if (process != null) {
            process.destroy();
        }
    }

    /** Asks the node to stop, then SIGKILL if it has not within the grace period. */
    void stop(long graceMillis) throws InterruptedException {
        signalStop();
        if (process != null && !process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Why the node is not running, when it stopped on its own. */
    String exitReport() {
        return name + " exited with " + process.exitValue() + ":\n" + consoleTail(40);
    }
}
