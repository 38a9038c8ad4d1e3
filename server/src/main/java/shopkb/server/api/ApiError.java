package shopkb.server.api;

import java.util.List;
import shopkb.content.FieldProblem;

/**
 * The JSON body of every error: {@code {"error": "bad_request", "message": "...", "where": "limit"}}.
 *
 * @param error stable machine-readable code
 * @param where the parameter or field at fault, or null
 * @param problems for {@code validation_failed}: every field problem
 * @param conflict for {@code version_conflict}: the current version and who made it
 */
public record ApiError(String error, String message, String where, List<FieldProblem> problems, Conflict conflict) {

    public ApiError(String error, String message, String where) {
        this(error, message, where, null, null);
    }

    /** The version an editor's stale copy conflicts with. */
    public record Conflict(String currentEtag, String changedBy, String changedAt) {
    }
}
