package shopkb.server.cli;

import java.io.PrintStream;
import shopkb.KnowledgeBase;
import shopkb.content.ContentProblem;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;
import shopkb.server.KbServer;
import shopkb.server.ServerConfig;

/** {@code serve}: starts the server (see {@link KbServer}), warms the default shop up, prints one ready line. */
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
        KbServer server = KbServer.start(config, config.semantic() ? MeaningModel.load() : MeaningModel.off());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        server.firstToken().ifPresent(token -> out.println("first start: admin token for 'admin' (every shop, its content, "
                + "shops and tokens; shown once, stored hashed in " + config.tokenFile() + "): " + token));
        KnowledgeBase kb = server.defaultShop().kb();
        warmUp(kb);
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
        int shops = server.shops().list().size();
        out.printf("shopkb ready at http://%s:%d — %d entries loaded, %d invalid, index %s%s in %d ms, %s; %d shop%s%n",
                host, server.port(), health.entries(), health.invalid(),
                health.indexReused() ? "reused" : "built (" + health.indexReason() + ")",
                server.engine().equals("embedded") ? "" : " in " + server.engine(), health.indexMillis(),
                health.meaning().status().equals("on")
                        ? "ranking by words and meaning (" + health.meaning().vectorsEncoded() + " texts encoded, "
                                + health.meaning().vectorsReused() + " reused, " + health.meaning().vectorsFromCache() + " from cache)"
                        : "ranking by words only",
                shops, shops == 1 ? "" : "s");
    }
}
