package shopkb.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import shopkb.SharedResources;
import shopkb.editing.FileHome;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;
import shopkb.server.auth.TokenStore;
import shopkb.shops.DataLayout;
import shopkb.shops.OpenShops;
import shopkb.shops.Shop;
import shopkb.shops.ShopCatalog;
import shopkb.shops.ShopName;

/**
 * A whole server, opened in one order and closed in the other: what the shops share (the sentence model's cache of
 * vectors, the background threads, the platform vocabulary), the shops (the default one opened now, the others on
 * first use, each with its usage log), the tokens, then HTTP. {@code serve}, the tests and the benchmark all start a
 * server through this class and nothing else.
 */
public final class KbServer implements AutoCloseable {

    private final SharedResources shared;
    private final OpenShops shops;
    private final TokenStore tokens;
    private final Javalin http;
    private final String firstToken;
    private final RunningEngine engine;

    private KbServer(RunningEngine engine, SharedResources shared, OpenShops shops, TokenStore tokens, Javalin http,
                     String firstToken) {
        this.engine = engine;
        this.shared = shared;
        this.shops = shops;
        this.tokens = tokens;
        this.http = http;
        this.firstToken = firstToken;
    }

    /**
     * Opens everything and starts listening.
     *
     * @param meaning the sentence model, loaded once by the caller (or {@link MeaningModel#off()}); every shop shares it
     */
    public static KbServer start(ServerConfig config, MeaningModel meaning) {
        RunningEngine engine = RunningEngine.open(config.engine(), false);
        SharedResources shared;
        try {
            shared = SharedResources.open(RankingOptions.full(), meaning, config.layout().vectors(), config.platformDir(),
                    engine.engine(), engine.contentHome());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        OpenShops shops = null;
        try {
            var catalog = new ShopCatalog(config.layout(), config.contentDir(), shared.home(), shared.engine());
            shops = OpenShops.open(catalog, shared, new OpenShops.Settings(config.usage(), config.shopIdle()));
            FileHome serverFiles = engine.serverFiles(config.dataDir(), List.of(DataLayout.TOKENS));
            TokenStore tokens = TokenStore.open(config.tokenFile(), serverFiles);
            if (serverFiles != FileHome.LOCAL) {
                var failing = new AtomicBoolean();
                shared.housekeeping().lookRegularly(() -> takeInTokens(serverFiles, failing));
            }
            String first = TokenStore.ensureFirstAdmin(tokens).orElse(null);
            Javalin http = KbApplication.create(shops, config, tokens).start(config.host(), config.port());
            return new KbServer(engine, shared, shops, tokens, http, first);
        } catch (RuntimeException e) {
            if (shops != null) {
                shops.close();
            }
            closeQuietly(shared, e);
            engine.close();
            throw e;
        }
    }

    /** Takes in tokens other servers added or revoked; a failed look is logged once and tried again on the next. */
    private static void takeInTokens(FileHome serverFiles, AtomicBoolean failing) {
        try {
            serverFiles.pull();
            failing.set(false);
        } catch (RuntimeException e) {
            if (!failing.getAndSet(true)) {
                LoggerFactory.getLogger(KbServer.class).warn("taking in other servers' tokens failed (retried every second): {}",
                        e.toString());
            }
        }
    }

    public int port() {
        return http.port();
    }

    public OpenShops shops() {
        return shops;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** The default shop, which stays open as long as the server runs. */
    public Shop defaultShop() {
        try (OpenShops.Lease lease = shops.use(ShopName.DEFAULT)) {
            return lease.shop();
        }
    }

    /** Where the shops keep their units, e.g. {@code embedded}. */
    public String engine() {
        return engine.description();
    }

    /** The admin token this start created because there was none (shown once), if it did. */
    public Optional<String> firstToken() {
        return Optional.ofNullable(firstToken);
    }

    /** Stops HTTP first (no request is cut off by a closing shop), then the shops, then what they shared. */
    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            try {
                shops.close();
            } finally {
                try {
                    shared.close();
                } catch (IOException e) {
                    LoggerFactory.getLogger(KbServer.class).warn("closing the shared vector cache failed: {}", e.toString());
                } finally {
                    engine.close();
                }
            }
        }
    }

    private static void closeQuietly(SharedResources shared, RuntimeException cause) {
        try {
            shared.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
