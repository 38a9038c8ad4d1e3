package shopkb.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import shopkb.shops.DataLayout;
import shopkb.shops.ShopName;
import shopkb.usage.UsageLog;

/**
 * Server settings, from flags first, then environment variables, then defaults that need neither.
 *
 * @param host interface to bind; localhost by default, so a fresh install is not exposed
 * @param contentDir the default shop's knowledge-base files ({@code faq-content/})
 * @param dataDir where the indexes, tokens and other shops live, outside the content folder (see {@link DataLayout})
 * @param webDir the browser UI served at {@code /}
 * @param readNeedsToken require a token for reading and searching too (for a server exposed beyond localhost)
 * @param usage the usage log: on or off, learning on or off, retention in days
 * @param semantic rank by meaning too (the bundled sentence model), not by words only
 * @param platformDir holds the platform-wide {@code vocabulary/} layer every shop adds its own to (absent: none)
 * @param shopIdle how long a shop other than the default one stays open unused
 * @param engine where shops keep their units: embedded, or an OpenSearch cluster
 */
public record ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken,
                           UsageLog.Settings usage, boolean semantic, Path platformDir, Duration shopIdle, EngineConfig engine) {

    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_PLATFORM = Path.of("platform");
    public static final Duration DEFAULT_SHOP_IDLE = Duration.ofMinutes(30);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (shopIdle.isNegative()) {
            throw new IllegalArgumentException("shop-idle-minutes must be 0 or more, got " + shopIdle.toMinutes());
        }
    }

    /** The embedded engine. */
    public ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken,
                        UsageLog.Settings usage, boolean semantic, Path platformDir, Duration shopIdle) {
        this(host, port, contentDir, dataDir, webDir, readNeedsToken, usage, semantic, platformDir, shopIdle,
                EngineConfig.embedded());
    }

    /** With the default usage log: on, learning on, 90 days; ranking by meaning too. */
    public ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken) {
        this(host, port, contentDir, dataDir, webDir, readNeedsToken, UsageLog.Settings.defaults());
    }

    /** Ranking by meaning too, the platform vocabulary in {@code platform/}, idle shops closed after 30 minutes. */
    public ServerConfig(String host, int port, Path contentDir, Path dataDir, Path webDir, boolean readNeedsToken,
                        UsageLog.Settings usage) {
        this(host, port, contentDir, dataDir, webDir, readNeedsToken, usage, true, DEFAULT_PLATFORM, DEFAULT_SHOP_IDLE);
    }

    /**
     * Reads {@code --port N --host H --content DIR --data DIR --web DIR --require-read-token BOOL --usage-log BOOL
     * --learning BOOL --usage-retention-days N --semantic BOOL --platform DIR --shop-idle-minutes N}, else KB_PORT,
     * KB_HOST, KB_CONTENT, KB_DATA, KB_WEB, KB_REQUIRE_READ_TOKEN, KB_USAGE_LOG, KB_LEARNING, KB_USAGE_RETENTION_DAYS,
     * KB_SEMANTIC, KB_PLATFORM, KB_SHOP_IDLE_MINUTES; and the engine's (see {@link EngineConfig#from}).
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
                bool(pick(flags, env, "semantic", "KB_SEMANTIC", "true"), "semantic"),
                Path.of(pick(flags, env, "platform", "KB_PLATFORM", DEFAULT_PLATFORM.toString())),
                Duration.ofMinutes(number(pick(flags, env, "shop-idle-minutes", "KB_SHOP_IDLE_MINUTES",
                        String.valueOf(DEFAULT_SHOP_IDLE.toMinutes())), "shop-idle-minutes")),
                EngineConfig.from(flags, env));
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

    /** The data folder's layout: tokens, vectors, shops. */
    public DataLayout layout() {
        return new DataLayout(dataDir);
    }

    /** The default shop's usage log. */
    public Path usageFile() {
        return layout().folders(ShopName.DEFAULT, contentDir).usageLog();
    }

    /** The token file, in the data folder. */
    public Path tokenFile() {
        return layout().tokens();
    }

    private static String pick(Map<String, String> flags, Map<String, String> env, String flag, String var, String fallback) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
