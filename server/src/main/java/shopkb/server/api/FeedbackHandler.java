package shopkb.server.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;
import shopkb.usage.FeedbackAction;
import shopkb.usage.UsageLog;

/**
 * {@code POST /api/feedback {"queryId", "resultId", "action"}}: what an agent did with a result (copied, clicked,
 * helpful, not-helpful). Answered 202 at once; the usage log writes it in the background.
 */
public final class FeedbackHandler {

    /** The feedback body. */
    public record FeedbackRequest(String queryId, String resultId, String action) {
    }

    private static final Pattern QUERY_ID = Pattern.compile("[0-9a-f]{16}");

    private FeedbackHandler() {
    }

    public static void handle(Context ctx, ShopCall call) {
        UsageLog usage = call.shop().usage();
        FeedbackRequest request = JsonBodies.read(ctx, FeedbackRequest.class);
        if (request.queryId() == null || !QUERY_ID.matcher(request.queryId()).matches()) {
            throw ApiException.badRequest("queryId", "queryId must be the queryId of a search response (16 hex digits)");
        }
        if (usage.settings().enabled() && !usage.issued(request.queryId())) {
            throw ApiException.badRequest("queryId", "unknown queryId: feedback refers to a search this server answered in the last "
                    + UsageLog.ISSUED_HOURS + " hours");
        }
        if (request.resultId() == null || request.resultId().length() > 200 || call.shop().kb().entry(request.resultId()).isEmpty()) {
            throw ApiException.badRequest("resultId", "resultId must be the id of an existing entry");
        }
        FeedbackAction action = FeedbackAction.fromWireName(request.action() == null ? "" : request.action())
                .orElseThrow(() -> ApiException.badRequest("action", "action must be copied, clicked, helpful or not-helpful"));
        usage.recordFeedback(request.queryId(), request.resultId(), action);
        ctx.status(202).json(Map.of("accepted", true, "logging", usage.settings().enabled()));
    }
}
