package shopkb.server.api;

/**
 * A request the API refuses, with the HTTP status, a stable error code, and where the problem is.
 *
 * @param where the parameter or field at fault, or null
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String where;

    public ApiException(int status, String code, String message, String where) {
        super(message);
        this.status = status;
        this.code = code;
        this.where = where;
    }

    public static ApiException badRequest(String where, String message) {
        return new ApiException(400, "bad_request", message, where);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String where() {
        return where;
    }
}
