package shopkb.server.api;

import io.javalin.http.Context;
import shopkb.personal.PersonalPhrasing;
import java.util.List;
import java.util.regex.Pattern;
import shopkb.content.PhrasingEntry;
import shopkb.editing.ContentEditor;
import shopkb.personal.PersonalPhrasings;
import shopkb.personal.Suggestion;

/**
 * An agent's own phrasings, which only that agent's token sees: {@code /phrasings/mine} (list, create), {@code
 * /phrasings/mine/{id}} (update, delete; If-Match required), {@code /phrasings/mine/{id}/suggest} (to the team). The
 * shop's editors see suggestions at {@code /suggestions} and accept one as a team phrasing in one request ({@code
 * /suggestions/{id}/accept}) or dismiss it.
 */
public final class PhrasingsHandler {

    /** An own phrasing as sent: what the agent writes. */
    public record PhrasingBody(String title, String text, String shortcut) {
    }

    /** Body of a suggestion: an optional note for the editors. */
    public record SuggestBody(String note) {
    }

    /**
     * Body of an acceptance: the team phrasing's scenario (required), intent and id (default {@code phr.own.ID}).
     */
    public record AcceptBody(String scenario, String intent, String id) {
    }

    private static final Pattern OWN_ID = Pattern.compile("own\\.[0-9a-f]{10}");
    private static final Pattern SUGGESTION_ID = Pattern.compile("s[0-9a-f]{10}");

    private PhrasingsHandler() {
    }

    /** An own phrasing as listed: with its version tag, so a page can change it without overwriting a newer version. */
    public record Listed(String id, String title, String text, String shortcut, String created, String updated, String etag) {

        static Listed of(PersonalPhrasing phrasing) {
            return new Listed(phrasing.id(), phrasing.title(), phrasing.text(), phrasing.shortcut(), phrasing.created(),
                    phrasing.updated(), PersonalPhrasings.etag(phrasing));
        }
    }

    public static void list(Context ctx, ShopCall call) {
        ctx.json(call.shop().personal().of(call.by()).stream().map(Listed::of).toList());
    }

    public static void create(Context ctx, ShopCall call) {
        PhrasingBody body = JsonBodies.read(ctx, PhrasingBody.class);
        PersonalPhrasings.Versioned created = call.shop().personal().create(call.by(), body.title(), body.text(), shortcut(body));
        ctx.status(201).header("ETag", created.etag()).header("Location", ctx.path() + "/" + created.phrasing().id())
                .json(created.phrasing());
    }

    public static void update(Context ctx, ShopCall call) {
        PhrasingBody body = JsonBodies.read(ctx, PhrasingBody.class);
        PersonalPhrasings.Versioned updated = call.shop().personal().update(call.by(), id(ctx, OWN_ID), body.title(), body.text(),
                shortcut(body), EntryHandler.ifMatch(ctx));
        ctx.header("ETag", updated.etag()).json(updated.phrasing());
    }

    public static void delete(Context ctx, ShopCall call) {
        call.shop().personal().delete(call.by(), id(ctx, OWN_ID), EntryHandler.ifMatch(ctx));
        ctx.status(204);
    }

    public static void suggest(Context ctx, ShopCall call) {
        SuggestBody body = JsonBodies.read(ctx, SuggestBody.class);
        ctx.status(201).json(call.shop().personal().suggest(call.by(), id(ctx, OWN_ID), body.note()));
    }

    public static void suggestions(Context ctx, ShopCall call) {
        List<Suggestion> open = call.shop().personal().open();
        ctx.json(open);
    }

    /** Creates the team phrasing from the suggestion (validated as any new entry is) and marks the suggestion accepted. */
    public static void accept(Context ctx, ShopCall call) {
        AcceptBody body = JsonBodies.read(ctx, AcceptBody.class);
        String suggestionId = id(ctx, SUGGESTION_ID);
        ContentEditor editor = call.shop().kb().editor();
        ContentEditor.Versioned[] created = new ContentEditor.Versioned[1];
        call.shop().personal().accept(suggestionId, call.by(), suggestion -> {
            String entryId = body.id() == null || body.id().isBlank() ? "phr.own." + suggestion.id() : body.id().strip();
            created[0] = editor.create(new PhrasingEntry(entryId, blankToNull(body.intent()), body.scenario(), suggestion.title(),
                    suggestion.text(), null, List.of(), suggestion.shortcut(), List.of()), call.by());
            return entryId;
        });
        ctx.status(201).header("ETag", created[0].etag())
                .header("Location", ctx.path().replaceFirst("/suggestions/.*$", "/entries/" + created[0].entry().id()))
                .json(created[0].entry());
    }

    public static void dismiss(Context ctx, ShopCall call) {
        call.shop().personal().dismiss(id(ctx, SUGGESTION_ID), call.by());
        ctx.status(204);
    }

    private static String shortcut(PhrasingBody body) {
        return blankToNull(body.shortcut());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String id(Context ctx, Pattern valid) {
        String id = ctx.pathParam("id");
        if (!valid.matcher(id).matches()) {
            throw ApiException.notFound("no " + (valid == OWN_ID ? "phrasing of yours" : "open suggestion") + " with id '" + id + "'");
        }
        return id;
    }
}
