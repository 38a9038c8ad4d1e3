package shopkb.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import shopkb.server.KbApplication;
import shopkb.editing.EntryExistsException;
import shopkb.editing.EntryNotFoundException;
import shopkb.editing.ValidationFailedException;
import shopkb.editing.VersionConflictException;
import shopkb.indexing.EngineUnavailableException;
import shopkb.server.auth.AccessDenied;
import shopkb.shops.ShopExistsException;
import shopkb.shops.UnknownShopException;
import shopkb.transfer.ContentImporter;
import shopkb.transfer.ImportLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place exceptions become JSON error responses; nothing else writes error bodies. */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 503) {
                ctx.header("Retry-After", "1");
            }
            write(ctx, e.status(), e.code(), e.getMessage(), e.where());
        });
        routes.exception(AccessDenied.class, (e, ctx) -> {
            if (e.reason() == AccessDenied.Reason.UNAUTHENTICATED) {
                write(ctx, 401, "unauthorized", e.getMessage(), "Authorization");
            } else {
                write(ctx, 403, "forbidden", e.getMessage(), null);
            }
        });
        routes.exception(UnknownShopException.class, (e, ctx) -> write(ctx, 404, "not_found", e.getMessage(), "shop"));
        routes.exception(ShopExistsException.class, (e, ctx) -> write(ctx, 409, "already_exists", e.getMessage(), "name"));
        routes.exception(ValidationFailedException.class, (e, ctx) -> ctx.status(400).json(new ApiError("validation_failed",
                "the entry was not saved: " + e.problems().size() + " problem(s)",
                e.problems().getFirst().field(), e.problems(), null)));
        routes.exception(EntryNotFoundException.class, (e, ctx) -> write(ctx, 404, "not_found", e.getMessage(), null));
        routes.exception(EntryExistsException.class, (e, ctx) -> write(ctx, 409, "already_exists", e.getMessage(), "id"));
        routes.exception(VersionConflictException.class, (e, ctx) -> ctx.status(412).header("ETag", e.currentEtag())
                .json(new ApiError("version_conflict", e.getMessage(), "If-Match", null,
                        new ApiError.Conflict(e.currentEtag(), e.changedBy(), e.changedAt()))));
        routes.exception(ContentImporter.UnreadableFileException.class, (e, ctx) -> write(ctx, 400, "unreadable_file", e.getMessage(), "body"));
        routes.exception(ImportLimits.TooLargeException.class, (e, ctx) -> write(ctx, 413, "import_too_large", e.getMessage(), "body"));
        routes.exception(EngineUnavailableException.class, (e, ctx) -> {
            LOG.warn("search engine unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            write(ctx, 503, "engine_unavailable", "the search cluster did not answer in time; try again shortly", null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage(), null));
        routes.exception(IOException.class, (e, ctx) -> {
            // The client went away mid-request (closed the connection, or stalled past the idle timeout): nobody
            // is left to answer and it is not the server's fault, so one short line and no stack trace.
            LOG.info("client left during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, 400, "bad_request", "the request could not be read", "body");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "the server failed to handle this request; it has been logged", null);
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                write(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        // Javalin answers a body that timed out itself (408, no body); the API's errors are JSON.
        routes.error(408, ctx -> write(ctx, 408, "request_timeout", "the request body did not arrive within "
                + KbApplication.BODY_SECONDS + " seconds", "body"));
        routes.error(405, ctx -> write(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
    }

    private static void write(Context ctx, int status, String code, String message, String where) {
        ctx.status(status).json(new ApiError(code, message, where));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }
}
