package shopkb.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import shopkb.KnowledgeBase;
import shopkb.server.api.CheckHandler;
import shopkb.server.api.CrossOriginGuard;
import shopkb.server.api.EntryHandler;
import shopkb.server.api.ErrorMapper;
import shopkb.server.api.FeedbackHandler;
import shopkb.server.api.HealthHandler;
import shopkb.server.api.InsightHandler;
import shopkb.server.api.JsonErrorHandler;
import shopkb.server.api.OpenApiHandler;
import shopkb.server.api.SearchHandler;
import shopkb.server.api.TransferHandler;
import shopkb.server.api.WorkLimiter;
import shopkb.server.auth.AccessGuard;
import shopkb.server.auth.TokenStore;
import shopkb.usage.UsageLog;

/** Builds the Javalin application over a knowledge base; tests start it with their own wiring on port 0. */
public final class KbApplication {

    /** Request bodies above this are refused before they are read. */
    static final long MAX_REQUEST_BYTES = 1_000_000;
    static final int MAX_URL_BYTES = 64 * 1024;
    /** A request body must arrive whole within this many seconds. */
    public static final int BODY_SECONDS = 10;

    private KbApplication() {
    }

    /** The application; the caller owns (and closes) the knowledge base and the usage log. */
    public static Javalin create(KnowledgeBase kb, ServerConfig config, TokenStore tokens, UsageLog usage) {
        var guard = new AccessGuard(tokens, config.readNeedsToken());
        var limiter = WorkLimiter.forThisMachine();
        var search = new SearchHandler(kb, guard, limiter, usage);
        var entries = new EntryHandler(kb, guard);
        var transfer = new TransferHandler(kb, guard);
        var health = new HealthHandler(kb, usage);
        var feedback = new FeedbackHandler(kb, guard, usage);
        var insight = new InsightHandler(kb, guard, usage);
        var check = new CheckHandler(kb, guard, limiter);
        return Javalin.create(app -> {
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
            app.routes.get("/api/search", search::get);
            app.routes.post("/api/search", search::post);
            app.routes.get("/api/intents", entries::intents);
            app.routes.get("/api/entries", entries::list);
            app.routes.post("/api/entries", entries::create);
            app.routes.get("/api/entries/{id}", entries::get);
            app.routes.put("/api/entries/{id}", entries::update);
            app.routes.delete("/api/entries/{id}", entries::delete);
            app.routes.get("/api/entries/{id}/history", entries::history);
            app.routes.post("/api/entries/{id}/restore", entries::restore);
            app.routes.post("/api/check", check::handle);
            app.routes.post("/api/import", transfer::importFile);
            app.routes.get("/api/export", transfer::export);
            app.routes.post("/api/feedback", feedback::handle);
            app.routes.get("/api/insight", insight::report);
            app.routes.get("/api/insight/{table}.csv", insight::csv);
            app.routes.post("/api/insight/add-similar", insight::addSimilar);
            app.routes.get("/api/health", health::handle);
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
     * search). CPU work stays bounded by the {@link WorkLimiter}; Jetty's selectors keep platform threads.
     */
    private static QueuedThreadPool requestThreads() {
        var pool = new QueuedThreadPool();
        pool.setName("http");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-request"));
        return pool;
    }

    /** API JSON: absent optional fields are left out rather than sent as null. */
    public static ObjectMapper apiMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
