package shopkb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A closed-loop HTTP load from wrk, a separate native process: on a 2-core machine a Java client in the
 * server's JVM takes a large share of the CPU it measures, wrk's event loop a small one. Each connection
 * cycles through the given paths (the query mix), starting at its own offset.
 */
final class WrkLoad {

    private static final String MARK = "SHOPKB-RESULT";

    private final Path script;

    private WrkLoad(Path script) {
        this.script = script;
    }

    /** wrk, if it is on the PATH. */
    static Optional<String> version() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            return text.startsWith("wrk ") ? Optional.of(text.lines().findFirst().orElse("wrk").split(" Copyright")[0].strip())
                    : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    /** A request of the mix: GET when {@code jsonBody} is null, else a POST of that JSON. */
    record Request(String path, String jsonBody) {
        static Request get(String path) {
            return new Request(path, null);
        }
    }

    /** Writes the request script for these paths (each starting with /) into {@code dir}. */
    static WrkLoad forPaths(List<String> paths, Path dir) throws IOException {
        return forRequests(paths.stream().map(Request::get).toList(), dir);
    }

    /** Writes the request script for these requests into {@code dir}; each is formatted once, when wrk starts. */
    static WrkLoad forRequests(List<Request> requests, Path dir) throws IOException {
        String table = requests.stream()
                .map(r -> r.jsonBody() == null ? "wrk.format(\"GET\", " + lua(r.path()) + ")"
                        : "wrk.format(\"POST\", " + lua(r.path()) + ", json, " + lua(r.jsonBody()) + ")")
                .collect(Collectors.joining(",\n"));
        String script = """
                local json = {["Content-Type"] = "application/json"}
                local requests = {}
                function init(args)
                  requests = {
                %s
                  }
                end
                local counter = 0
                function setup(thread)
                  thread:set("offset", counter * 7919)
                  counter = counter + 1
                end
                local n = 0
                function request()
                  n = n + 1
                  return requests[((offset or 0) + n) %% #requests + 1]
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("%s %%d %%d %%d %%.1f %%.1f %%.1f\\n", summary.requests,
                    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
                    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
                end
                """.formatted(table, MARK);
        Path file = dir.resolve("bench-requests.lua");
        Files.writeString(file, script);
        return new WrkLoad(file);
    }

    /** A Lua string literal (the text is UTF-8 bytes to Lua; only quotes, backslashes and line ends need escaping). */
    private static String lua(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** Runs {@code connections} connections from one wrk thread against {@code base} for {@code seconds}. */
    LoadRun.Result run(String base, int connections, double seconds) throws IOException, InterruptedException {
        var command = List.of("wrk", "-t1", "-c" + connections, "-d" + Math.max(1, Math.round(seconds)) + "s",
                "--timeout", "10s", "-s", script.toString(), base);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor((long) seconds + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        String line = output.lines().filter(l -> l.startsWith(MARK)).findFirst()
                .orElseThrow(() -> new IOException("wrk printed no result: " + output));
        String[] f = line.split(" ");
        long requests = Long.parseLong(f[1]);
        long errors = Long.parseLong(f[2]);
        double elapsed = Long.parseLong(f[3]) / 1e6;
        return new LoadRun.Result(connections, requests, errors, elapsed,
                Double.parseDouble(f[4]) / 1000, Double.parseDouble(f[5]) / 1000, Double.parseDouble(f[6]) / 1000);
    }
}
