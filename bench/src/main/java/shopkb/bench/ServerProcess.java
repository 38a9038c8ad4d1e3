package shopkb.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One shopkb server in a process of its own ({@code shopkb.server.Main serve}), as an operator starts it on a machine of
 * its own: this JVM's Java and class path (which hold the server's jar and libraries), the JVM flags {@code ./kb serve}
 * gives, units in an OpenSearch cluster, its own data folder, its console in a file. {@link #kill()} is SIGKILL, a machine
 * that dies; {@link #close()} stops it in order. A JVM shutdown hook kills it if this process exits first.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("shopkb ready at http://[^:/]+:(\\d+)");
    private static final Pattern FIRST_TOKEN = Pattern.compile("first start: admin token .*: (\\S+)\\s*$", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final long STOP_GRACE_MILLIS = 15_000;

    private final String name;
    private final Process process;
    private final Path console;
    private final Thread killer;
    private URI base;
    private String firstToken;

    private ServerProcess(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
        this.killer = new Thread(process::destroyForcibly);
    }

    /**
     * Starts a server under {@code dir} (its data folder is {@code dir/data}, new when absent) over {@code content} as the
     * default shop, its units in the cluster at {@code nodes}, on a free port, ranking by words only; returns once it
     * printed its ready line.
     *
     * @throws IllegalStateException with the end of its console when it exits or is not ready in time
     */
    static ServerProcess start(String name, Path dir, Path content, List<URI> nodes) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path console = dir.resolve("console.log");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(memoryFlags()); // as ./kb serve runs the server
        command.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-cp", classPath(),
                "shopkb.server.Main", "serve",
                "--engine", "opensearch",
                "--opensearch", nodes.stream().map(URI::toString).collect(Collectors.joining(",")),
                "--port", "0",
                "--data", data.toString(),
                "--content", content.toString(),
                "--web", dir.resolve("no-web").toString(),
                "--platform", dir.resolve("no-platform").toString(),
                "--semantic", "false"));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        var server = new ServerProcess(name, process, console);
        Runtime.getRuntime().addShutdownHook(server.killer);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /**
     * The memory flags {@code ./kb} started this JVM with: its garbage collector (picked by the machine's cores), and
     * compact object headers when the JDK has them.
     */
    private static List<String> memoryFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-XX:+Use") && flag.endsWith("GC") || flag.equals("-XX:+UseCompactObjectHeaders"))
                .toList();
    }

    /** This JVM's class path with every entry made absolute: the server runs in its own folder. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> entry.endsWith("*")
                        ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + File.separator + "*"
                        : Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(console, StandardCharsets.UTF_8);
            Matcher ready = READY.matcher(text);
            if (ready.find()) {
                base = URI.create("http://127.0.0.1:" + ready.group(1));
                Matcher token = FIRST_TOKEN.matcher(text);
                firstToken = token.find() ? token.group(1) : null;
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + consoleTail(40));
            }
            process.waitFor(100, TimeUnit.MILLISECONDS); // the console is a file: look again shortly
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + consoleTail(40));
    }

    String name() {
        return name;
    }

    /** E.g. http://127.0.0.1:41234. */
    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** The admin token this server printed on its first start, when it created one. */
    Optional<String> firstToken() {
        return Optional.ofNullable(firstToken);
    }

    /** SIGKILL: no shutdown hook of the server runs, nothing is flushed. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        removeHook();
    }

    /** The last lines of the server's console. */
    String consoleTail(int lines) {
        try {
            List<String> all = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the server closes in order), SIGKILL if it has not stopped within 15 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is running or about to; it finds the process gone.
        }
    }
}
