package shopkb.server.api;

import io.javalin.http.Context;
import java.util.List;
import shopkb.check.Finding;
import shopkb.check.ReplyChecker;

/** {@code POST /api/check} with {@code {"text": DRAFT, "buyerMessage": ..., "scenario": ...}}: the draft's findings. */
public final class CheckHandler {

    /** The request body. */
    public record CheckRequest(String text, String buyerMessage, String scenario) {
    }

    /** The response body. */
    public record CheckResponse(List<Finding> findings, double tookMs) {
    }

    private final WorkLimiter limiter;

    public CheckHandler(WorkLimiter limiter) {
        this.limiter = limiter;
    }

    public void handle(Context ctx, ShopCall call) {
        CheckRequest request = JsonBodies.read(ctx, CheckRequest.class);
        if (request.text() == null) {
            throw ApiException.badRequest("text", "text (the draft reply) is required");
        }
        if (request.text().length() > ReplyChecker.MAX_DRAFT_CHARS) {
            throw ApiException.badRequest("text", "a draft is at most " + ReplyChecker.MAX_DRAFT_CHARS + " characters");
        }
        if (request.buyerMessage() != null && request.buyerMessage().length() > SearchHandler.MAX_QUERY_CHARS) {
            throw ApiException.badRequest("buyerMessage", "at most " + SearchHandler.MAX_QUERY_CHARS + " characters");
        }
        long start = System.nanoTime();
        List<Finding> findings = limiter.run(() -> call.shop().kb().check(request.text(), request.buyerMessage(), request.scenario()));
        ctx.json(new CheckResponse(findings, Math.round((System.nanoTime() - start) / 10_000.0) / 100.0));
    }
}
