package shopkb.server.api;

import io.javalin.http.Context;
import shopkb.KnowledgeBase;

/** {@code GET /api/entries/{id}}: the whole entry. */
public final class EntryHandler {

    private final KnowledgeBase kb;

    public EntryHandler(KnowledgeBase kb) {
        this.kb = kb;
    }

    public void get(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(kb.entry(id).orElseThrow(() -> ApiException.notFound("no entry with id '" + id + "'")));
    }
}
