package shopkb.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import shopkb.KnowledgeBase;
import shopkb.editing.ContentEditor;
import shopkb.usage.Insight;
import shopkb.usage.InsightCsv;
import shopkb.usage.UsageLog;

/**
 * Editors' view of the usage log: {@code GET /api/insight?days=N} (every table as JSON),
 * {@code GET /api/insight/{table}.csv?days=N} (one table as CSV), and {@code POST /api/insight/add-similar
 * {"query", "intent"}} to turn an unanswered message into a similar question of an intent's FAQ.
 */
public final class InsightHandler {

    /** Body of add-similar. */
    public record AddSimilarRequest(String query, String intent) {
    }

    static final int DEFAULT_DAYS = 30;
    static final int MAX_QUESTION_CHARS = 200;

    private InsightHandler() {
    }

    public static void report(Context ctx, ShopCall call) {
        ctx.json(insight(ctx, call));
    }

    public static void csv(Context ctx, ShopCall call) {
        String table = ctx.pathParam("table");
        if (!InsightCsv.TABLES.contains(table)) {
            throw ApiException.notFound("no insight table '" + table + "'; tables: " + String.join(", ", InsightCsv.TABLES));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"insight-" + table + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(InsightCsv.write(insight(ctx, call), table));
    }

    public static void addSimilar(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        AddSimilarRequest request = JsonBodies.read(ctx, AddSimilarRequest.class);
        String query = request.query() == null ? "" : request.query().strip();
        if (query.isEmpty() || query.length() > MAX_QUESTION_CHARS) {
            throw ApiException.badRequest("query", "query must be 1 to " + MAX_QUESTION_CHARS + " characters");
        }
        if (query.contains("[") && query.contains("]")) {
            throw ApiException.badRequest("query", "query still holds masked personal data such as [手机号]; edit it into a general question first");
        }
        if (request.intent() == null || kb.intent(request.intent()).isEmpty()) {
            throw ApiException.badRequest("intent", "intent must be the id of an existing intent");
        }
        ContentEditor.Versioned updated = kb.editor().addSimilarQuestion(request.intent(), query, call.by())
                .orElseThrow(() -> new ApiException(409, "no_faq",
                        "intent " + request.intent() + " has no FAQ yet; create one (the editor opens it prefilled)", "intent"));
        ctx.header("ETag", updated.etag());
        ctx.json(Map.of("id", updated.entry().id(), "intent", request.intent(), "question", query));
    }

    private static Insight insight(Context ctx, ShopCall call) {
        UsageLog usage = call.shop().usage();
        KnowledgeBase kb = call.shop().kb();
        String raw = ctx.queryParam("days");
        int days = DEFAULT_DAYS;
        if (raw != null) {
            try {
                days = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            int retention = usage.settings().retentionDays();
            if (days < 1 || days > retention) {
                throw ApiException.badRequest("days", "days must be a whole number from 1 to " + retention + " (the retention period)");
            }
        }
        return usage.insight(days, kb.content(), text -> kb.meaningOf(text).orElse(null));
    }
}
