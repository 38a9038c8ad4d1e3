package shopkb.server;

import java.nio.file.Path;
import java.util.Map;
import shopkb.usage.UsageLog;

/**
 * Server settings, from flags first, then environment variables, then defaults that need neither.
 *
 * @param host interface to bind; localhost by default, so a fresh install is not exposed
 * @param contentDir the knowledge-base files ({@code faq-content/})
 * @param dataDir where the index lives, outside the content folder
 * @param webDir the browser UI served at {@code /}
 * @param readNeedsToken require a token for reading and searching too (for a server exposed beyond localhost)
 * @param usage the usage log: on or off, learning on or off, retention in days
 * @param semantic rank by meaning too (the bundled sentence model), not by words only
 */
public record ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken,
                           UsageLog.Settings usage, boolean semantic) {

    public static final int DEFAULT_PORT = 7070;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }

    /** With the default usage log: on, learning on, 90 days; ranking by meaning too. */
    public ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken) {
        this(host, port, contentDir, dataDir, webDir, readNeedsToken, UsageLog.Settings.defaults());
    }

    /** Ranking by meaning too. */
    public ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken,
                        UsageLog.Settings usage) {
        this(host, port, contentDir, dataDir, webDir, readNeedsToken, usage, true);
    }

    /**
     * Reads {@code --port N --host H --content DIR --data DIR --web DIR --require-read-token BOOL --usage-log BOOL
     * --learning BOOL --usage-retention-days N --semantic BOOL}, else KB_PORT, KB_HOST, KB_CONTENT, KB_DATA, KB_WEB,
     * KB_REQUIRE_READ_TOKEN, KB_USAGE_LOG, KB_LEARNING, KB_USAGE_RETENTION_DAYS, KB_SEMANTIC.
     */
    public static ServerConfig from(Map<String, String> flags, Map<String, String> env) {
        String port = pick(flags, env, "port", "KB_PORT", String.valueOf(DEFAULT_PORT));
        int portNumber = number(port, "port");
        var usage = new UsageLog.Settings(
                bool(pick(flags, env, "usage-log", "KB_USAGE_LOG", "true"), "usage-log"),
                bool(pick(flags, env, "learning", "KB_LEARNING", "true"), "learning"),
                number(pick(flags, env, "usage-retention-days", "KB_USAGE_RETENTION_DAYS", "90"), "usage-retention-days"));
        return new ServerConfig(
                pick(flags, env, "host", "KB_HOST", "127.0.0.1"),
                portNumber,
                Path.of(pick(flags, env, "content", "KB_CONTENT", "faq-content")),
                Path.of(pick(flags, env, "data", "KB_DATA", "data")),
                Path.of(pick(flags, env, "web", "KB_WEB", "web/public")),
                bool(pick(flags, env, "require-read-token", "KB_REQUIRE_READ_TOKEN", "false"), "require-read-token"),
                usage,
                bool(pick(flags, env, "semantic", "KB_SEMANTIC", "true"), "semantic"));
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    private static boolean bool(String value, String name) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    /** The usage log's database, in the data folder. */
    public Path usageFile() {
        return dataDir.resolve("usage.db");
    }

    /** The token file, in the data folder. */
    public Path tokenFile() {
        return dataDir.resolve("tokens.json");
    }

    private static String pick(Map<String, String> flags, Map<String, String> env, String flag, String var, String fallback) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
