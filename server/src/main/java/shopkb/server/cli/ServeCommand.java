package shopkb.server.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import shopkb.KnowledgeBase;
import shopkb.content.ContentProblem;
import shopkb.server.KbApplication;
import shopkb.server.ServerConfig;

/** {@code serve}: loads content, opens the index, starts HTTP, prints one ready line. */
public final class ServeCommand {

    private ServeCommand() {
    }

    public static void run(ServerConfig config, PrintStream out) {
        KnowledgeBase kb = KnowledgeBase.open(config.contentDir(), config.dataDir());
        Javalin app = KbApplication.create(kb, config).start(config.host(), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                kb.close();
            } catch (IOException e) {
                System.err.println("closing the index failed: " + e.getMessage());
            }
        }, "shutdown"));
        var health = kb.health();
        for (ContentProblem problem : health.problems()) {
            out.println("invalid content: " + problem);
        }
        String host = config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1") ? "localhost" : config.host();
        out.printf("shopkb ready at http://%s:%d — %d entries loaded, %d invalid, index %s in %d ms%n",
                host, app.port(), health.entries(), health.invalid(),
                health.indexReused() ? "reused" : "built (" + health.indexReason() + ")", health.indexMillis());
    }
}
