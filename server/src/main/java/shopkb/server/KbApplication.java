package shopkb.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import shopkb.server.api.CheckHandler;
import shopkb.server.api.CrossOriginGuard;
import shopkb.server.api.EntryHandler;
import shopkb.server.api.ErrorMapper;
import shopkb.server.api.FeedbackHandler;
import shopkb.server.api.HealthHandler;
import shopkb.server.api.InsightHandler;
import shopkb.server.api.JsonErrorHandler;
import shopkb.server.api.OpenApiHandler;
import shopkb.server.api.PhrasingsHandler;
import shopkb.server.api.SearchHandler;
import shopkb.server.api.ShopRoutes;
import shopkb.server.api.ShopsHandler;
import shopkb.server.api.TokensHandler;
import shopkb.server.api.TransferHandler;
import shopkb.server.api.WorkLimiter;
import shopkb.server.auth.Access;
import shopkb.server.auth.AccessGuard;
import shopkb.server.auth.TokenStore;
import shopkb.shops.OpenShops;

/**
 * Builds the Javalin application over a server's shops: every operation on a shop under {@code /api/shops/{shop}/...}
 * and, for the default shop, under today's {@code /api/...}; the shops and tokens API; the pages. {@link KbServer} is
 * what opens and starts it.
 */
public final class KbApplication {

    /** Request bodies above this are refused before they are read. */
    static final long MAX_REQUEST_BYTES = 1_000_000;
    static final int MAX_URL_BYTES = 64 * 1024;
    /** A request body must arrive whole within this many seconds. */
    public static final int BODY_SECONDS = 10;

    private KbApplication() {
    }

    /** The application; the caller owns (and closes) the shops and the tokens. */
    static Javalin create(OpenShops shops, ServerConfig config, TokenStore tokens) {
        var guard = new AccessGuard(tokens, config.readNeedsToken());
        var limiter = WorkLimiter.forThisMachine();
        var search = new SearchHandler(limiter);
        var check = new CheckHandler(limiter);
        var shopList = new ShopsHandler(shops, guard);
        var tokenApi = new TokensHandler(tokens, shops, guard);
        return Javalin.create(app -> {
            app.events.serverStopped(limiter::close);
            app.jsonMapper(new io.javalin.json.JavalinJackson(apiMapper(), false));
            app.http.maxRequestSize = MAX_REQUEST_BYTES;
            app.startup.showJavalinBanner = false;
            // Room for a 5000-character Chinese message in a GET URL (about 45 KB percent-encoded).
            app.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_URL_BYTES);
                // A read or write that waits this long for the client ends the connection.
                http.setIdleTimeout(TimeUnit.SECONDS.toMillis(BODY_SECONDS));
            });
            app.jetty.threadPool = requestThreads();
            app.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                var browser = new BrowserGuard(config.host());
                browser.setHandler(new BodyDeadline(BODY_SECONDS));
                server.setHandler(browser);
            });
            if (Files.isDirectory(config.webDir())) {
                app.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = config.webDir().toAbsolutePath().normalize().toString();
                    files.location = Location.EXTERNAL;
                });
            }
            app.routes.before("/api/*", CrossOriginGuard::check);
            var shop = new ShopRoutes(app.routes, guard, shops);
            shop.add(HandlerType.GET, "/search", Access.READ, search::get);
            shop.add(HandlerType.POST, "/search", Access.READ, search::post);
            shop.add(HandlerType.GET, "/intents", Access.READ, EntryHandler::intents);
            shop.add(HandlerType.GET, "/entries", Access.READ, EntryHandler::list);
            shop.add(HandlerType.POST, "/entries", Access.EDIT, EntryHandler::create);
            shop.add(HandlerType.GET, "/entries/{id}", Access.READ, EntryHandler::get);
            shop.add(HandlerType.PUT, "/entries/{id}", Access.EDIT, EntryHandler::update);
            shop.add(HandlerType.DELETE, "/entries/{id}", Access.EDIT, EntryHandler::delete);
            shop.add(HandlerType.GET, "/entries/{id}/history", Access.READ, EntryHandler::history);
            shop.add(HandlerType.POST, "/entries/{id}/restore", Access.EDIT, EntryHandler::restore);
            shop.add(HandlerType.POST, "/check", Access.READ, check::handle);
            shop.add(HandlerType.POST, "/import", Access.EDIT, TransferHandler::importFile);
            shop.add(HandlerType.GET, "/export", Access.READ, TransferHandler::export);
            shop.add(HandlerType.POST, "/feedback", Access.READ, FeedbackHandler::handle);
            shop.add(HandlerType.GET, "/insight", Access.EDIT, InsightHandler::report);
            shop.add(HandlerType.GET, "/insight/{table}.csv", Access.EDIT, InsightHandler::csv);
            shop.add(HandlerType.POST, "/insight/add-similar", Access.EDIT, InsightHandler::addSimilar);
            shop.add(HandlerType.GET, "/health", Access.OPEN, HealthHandler::handle);
            shop.add(HandlerType.GET, "/phrasings/mine", Access.AGENT, PhrasingsHandler::list);
            shop.add(HandlerType.POST, "/phrasings/mine", Access.AGENT, PhrasingsHandler::create);
            shop.add(HandlerType.PUT, "/phrasings/mine/{id}", Access.AGENT, PhrasingsHandler::update);
            shop.add(HandlerType.DELETE, "/phrasings/mine/{id}", Access.AGENT, PhrasingsHandler::delete);
            shop.add(HandlerType.POST, "/phrasings/mine/{id}/suggest", Access.AGENT, PhrasingsHandler::suggest);
            shop.add(HandlerType.GET, "/suggestions", Access.EDIT, PhrasingsHandler::suggestions);
            shop.add(HandlerType.POST, "/suggestions/{id}/accept", Access.EDIT, PhrasingsHandler::accept);
            shop.add(HandlerType.POST, "/suggestions/{id}/dismiss", Access.EDIT, PhrasingsHandler::dismiss);
            app.routes.get("/api/shops", shopList::list);
            app.routes.post("/api/shops", shopList::create);
            app.routes.delete(ShopRoutes.SHOP_PREFIX, shopList::remove);
            app.routes.get("/api/tokens", tokenApi::list);
            app.routes.post("/api/tokens", tokenApi::create);
            app.routes.delete("/api/tokens/{name}", tokenApi::revoke);
            app.routes.get("/api/whoami", ctx -> ctx.json(guard.identify(ctx)));
            // No search, no content: the HTTP stack's own cost, the floor the benchmark compares against.
            app.routes.get("/api/ping", ctx -> ctx.result("{\"pong\":true}").contentType("application/json"));
            app.routes.get("/api/openapi.json", OpenApiHandler::handle);
            ErrorMapper.register(app.routes);
        });
    }

    /**
     * Requests run on virtual threads: a client sending its body slowly parks a cheap virtual thread instead of
     * holding one of a fixed pool's platform threads (300 slow clients used to take all 250 and starve every
     * search). The {@link WorkLimiter} caps searches and checks and runs most of them on platform threads; Jetty's
     * selectors keep platform threads.
     */
    private static QueuedThreadPool requestThreads() {
        var pool = new QueuedThreadPool();
        pool.setName("http");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-request"));
        return pool;
    }

    /**
     * API JSON: absent optional fields are left out rather than sent as null. Jackson's buffers come from one pool the
     * whole process shares: its default pool keeps them per thread, and as every request runs on a new virtual thread,
     * each response allocated fresh ones (13% of all the bytes the server allocated under search load).
     */
    public static ObjectMapper apiMapper() {
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
