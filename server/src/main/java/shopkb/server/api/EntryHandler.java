package shopkb.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import shopkb.KnowledgeBase;
import shopkb.content.ContentValidator;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.editing.ContentEditor;
import shopkb.editing.EntryCodec;
import shopkb.editing.HistoryRecord;
import shopkb.search.NearDuplicate;
import shopkb.server.KbApplication;

/**
 * {@code /api/entries}: list, read (with ETag), create, update and delete (If-Match required), history and
 * restore. Reads follow the access guard's reading rule; every change needs an editor token.
 */
public final class EntryHandler {

    /** A line of the entry list. */
    public record Summary(String id, String type, String intent, String scenario, String title) {
    }

    /** Body of a restore request. */
    public record RestoreRequest(Integer version) {
    }

    private static final ObjectMapper JSON = KbApplication.apiMapper();

    private EntryHandler() {
    }

    /** {@code GET /api/entries?type=&intent=&scenario=&q=}: entries in id order, filtered. */
    public static void list(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        String type = ctx.queryParam("type");
        if (type != null && !type.isBlank() && EntryType.fromName(type).isEmpty()) {
            throw ApiException.badRequest("type", "unknown type '" + type + "'; use faq, phrasing, policy or product");
        }
        String intent = ctx.queryParam("intent");
        String scenario = ctx.queryParam("scenario");
        String text = ctx.queryParam("q");
        List<Summary> summaries = kb.content().entries().values().stream()
                .filter(e -> type == null || type.isBlank() || e.typeName().equalsIgnoreCase(type))
                .filter(e -> intent == null || intent.isBlank() || intent.equals(e.intent()))
                .filter(e -> scenario == null || scenario.isBlank() || scenario.equals(e.scenario()))
                .filter(e -> text == null || text.isBlank() || e.id().contains(text) || e.displayTitle().contains(text))
                .sorted(Comparator.comparing(Entry::id))
                .map(e -> new Summary(e.id(), e.typeName(), e.intent(), e.scenario(), e.displayTitle()))
                .toList();
        ctx.json(summaries);
    }

    /** {@code GET /api/intents}: the declared intents, for filters and the editors' intent choice. */
    public static void intents(Context ctx, ShopCall call) {
        ctx.json(call.shop().kb().content().intents().values().stream()
                .sorted(Comparator.comparing(shopkb.content.Intent::id)).toList());
    }

    public static void get(Context ctx, ShopCall call) {
        String id = validId(ctx);
        ContentEditor.Versioned versioned = call.shop().kb().editor().read(id)
                .orElseThrow(() -> ApiException.notFound("no entry with id '" + id + "'"));
        ctx.header("ETag", versioned.etag()).json(versioned.entry());
    }

    public static void create(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        Entry entry = EntryCodec.fromJson(body(ctx));
        ContentEditor.Versioned created = kb.editor().create(entry, call.by());
        ctx.status(201).header("ETag", created.etag()).header("Location", ctx.path() + "/" + entry.id())
                .json(withWarnings(kb, created.entry()));
    }

    public static void update(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        String id = validId(ctx);
        Entry entry = EntryCodec.fromJson(body(ctx));
        ContentEditor.Versioned updated = kb.editor().update(id, entry, ifMatch(ctx), call.by());
        ctx.header("ETag", updated.etag()).json(withWarnings(kb, updated.entry()));
    }

    public static void delete(Context ctx, ShopCall call) {
        call.shop().kb().editor().delete(validId(ctx), ifMatch(ctx), call.by());
        ctx.status(204);
    }

    public static void history(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        List<HistoryRecord> records = kb.editor().history(validId(ctx));
        if (records.isEmpty() && kb.entry(ctx.pathParam("id")).isEmpty()) {
            throw ApiException.notFound("no entry and no history with id '" + ctx.pathParam("id") + "'");
        }
        ctx.json(records);
    }

    /** {@code POST /api/entries/{id}/restore} with {@code {"version": N}}; If-Match unless the entry was deleted. */
    public static void restore(Context ctx, ShopCall call) {
        KnowledgeBase kb = call.shop().kb();
        String id = validId(ctx);
        RestoreRequest request = JsonBodies.read(ctx, RestoreRequest.class);
        if (request.version() == null) {
            throw ApiException.badRequest("version", "the version to restore is required");
        }
        String ifMatch = kb.entry(id).isPresent() ? ifMatch(ctx) : "*";
        ContentEditor.Versioned restored = kb.editor().restore(id, request.version(), ifMatch, call.by());
        ctx.header("ETag", restored.etag()).json(restored.entry());
    }

    /**
     * The saved entry, with {@code warnings} beside its fields when a question means the same as another FAQ's: the
     * save went through, but buyers' messages could find either, so the editor should know.
     */
    private static Object withWarnings(KnowledgeBase kb, Entry entry) {
        List<NearDuplicate> duplicates = kb.nearDuplicates(entry, Integer.MAX_VALUE);
        if (duplicates.isEmpty()) {
            return entry;
        }
        ObjectNode node = JSON.valueToTree(entry);
        ArrayNode warnings = node.putArray("warnings");
        for (NearDuplicate d : duplicates) {
            warnings.addObject()
                    .put("field", d.field())
                    .put("problem", "意思与 " + d.entryId() + " 的「" + d.otherQuestion() + "」相同(相似度 "
                            + String.format("%.2f", d.similarity()) + "),买家的话可能找到其中任何一个")
                    .put("entryId", d.entryId())
                    .put("otherQuestion", d.otherQuestion())
                    .put("similarity", d.similarity());
        }
        return node;
    }

    private static String validId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ContentValidator.ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "ids are 2-100 of a-z 0-9 . _ - and start with a letter or digit");
        }
        return id;
    }

    /** The If-Match header, required for every change of something that has a version tag. */
    static String ifMatch(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition_required",
                    "send the entry's ETag in If-Match, so a stale copy cannot overwrite a colleague's change", "If-Match");
        }
        return ifMatch.strip();
    }

    private static JsonNode body(Context ctx) {
        return JsonBodies.read(ctx, JsonNode.class);
    }
}
