package shopkb.server.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import shopkb.KnowledgeBase;
import shopkb.content.ContentProblem;
import shopkb.server.KbApplication;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.server.ServerConfig;
import shopkb.server.auth.TokenStore;
import shopkb.usage.UsageLog;

/** {@code serve}: loads content, opens the index, starts HTTP, prints one ready line. */
public final class ServeCommand {

    private ServeCommand() {
    }

    /** Runs each intent's question once, so the first agents do not wait for the JIT. */
    private static void warmUp(KnowledgeBase kb) {
        for (var intent : kb.content().intents().values()) {
            kb.search(SearchRequest.of(intent.question(), 10));
        }
    }

    public static void run(ServerConfig config, PrintStream out) {
        MeaningModel meaning = config.semantic() ? MeaningModel.load() : MeaningModel.off();
        KnowledgeBase kb = KnowledgeBase.open(config.contentDir(), config.dataDir(), RankingOptions.full(), meaning);
        TokenStore tokens = TokenStore.open(config.tokenFile());
        TokenStore.ensureFirstEditor(tokens).ifPresent(token -> out.println(
                "first start: editor token for 'admin' (shown once, stored hashed in " + config.tokenFile() + "): " + token));
        warmUp(kb);
        UsageLog usage = UsageLog.open(config.usageFile(), config.usage(), kb::pattern, Clock.systemUTC());
        Javalin app = KbApplication.create(kb, config, tokens, usage).start(config.host(), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            usage.close();
            try {
                kb.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(ServeCommand.class).warn("closing the index failed: {}", e.toString());
            }
        }, "shutdown"));
        var health = kb.health();
        for (ContentProblem problem : health.problems()) {
            out.println("invalid content: " + problem);
        }
        if (!health.meaning().status().equals("on")) {
            out.println("meaning: " + health.meaning().detail());
        }
        if (!config.host().equals("127.0.0.1") && !config.host().equals("localhost") && !config.readNeedsToken()) {
            out.println("warning: listening on " + config.host() + " with open reading; consider --require-read-token true");
        }
        String host = config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1") ? "localhost" : config.host();
        out.printf("shopkb ready at http://%s:%d — %d entries loaded, %d invalid, index %s in %d ms, %s%n",
                host, app.port(), health.entries(), health.invalid(),
                health.indexReused() ? "reused" : "built (" + health.indexReason() + ")", health.indexMillis(),
                health.meaning().status().equals("on")
                        ? "ranking by words and meaning (" + health.meaning().vectorsEncoded() + " texts encoded, "
                                + health.meaning().vectorsReused() + " from cache)"
                        : "ranking by words only");
    }
}
