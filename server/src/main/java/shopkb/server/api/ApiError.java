package shopkb.server.api;

/**
 * The JSON body of every error: {@code {"error": "bad_request", "message": "...", "where": "limit"}}.
 *
 * @param error stable machine-readable code
 * @param where the parameter or field at fault, or null
 */
public record ApiError(String error, String message, String where) {
}
