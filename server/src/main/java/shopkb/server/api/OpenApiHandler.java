package shopkb.server.api;

import io.javalin.http.Context;

/** {@code GET /api/openapi.json}: the API described as OpenAPI 3.1 (see {@link OpenApiDocument}). */
public final class OpenApiHandler {

    private static final byte[] DOCUMENT = OpenApiDocument.build();

    private OpenApiHandler() {
    }

    public static void handle(Context ctx) {
        ctx.contentType("application/json").result(DOCUMENT);
    }
}
