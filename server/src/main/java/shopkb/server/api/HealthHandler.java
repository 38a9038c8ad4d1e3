package shopkb.server.api;

import io.javalin.http.Context;
import java.util.List;
import shopkb.KnowledgeBase;
import shopkb.content.ContentProblem;
import shopkb.usage.UsageLog;

/** {@code GET /api/health}: whether the server is up, what it loaded, and what it rejected. */
public final class HealthHandler {

    /**
     * The health body. {@code status} is "degraded" when {@code problems} is not empty. {@code problems} lists
     * each rejected file with field and reason; {@code usage} counts logged, dropped (queue full) and failed usage
     * events; {@code meaning} says whether search ranks by meaning (on, off, or unavailable with why).
     */
    public record HealthResponse(String status, int entries, int intents, int invalid, long indexAgeSeconds,
                                 boolean indexReused, List<ContentProblem> problems, UsageLog.Stats usage,
                                 KnowledgeBase.Meaning meaning) {
    }

    private HealthHandler() {
    }

    public static void handle(Context ctx, ShopCall call) {
        var health = call.shop().kb().health();
        UsageLog usage = call.shop().usage();
        var problems = new java.util.ArrayList<>(health.problems());
        usage.problems().forEach(problem -> problems.add(new ContentProblem("usage log", null, problem)));
        ctx.json(new HealthResponse(problems.isEmpty() ? "ok" : "degraded", health.entries(), health.intents(), health.invalid(),
                health.indexAgeSeconds(), health.indexReused(), problems, usage.stats(), health.meaning()));
    }
}
