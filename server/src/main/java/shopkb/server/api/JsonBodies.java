package shopkb.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;

/** Reads JSON request bodies strictly, turning every malformed body into a 400 that says where. */
public final class JsonBodies {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /**
     * The body as {@code type}; refused with 415 unless it is declared JSON. Browsers send a form or text/plain
     * post to any site without asking it first; a JSON post from another origin needs the server's consent
     * (a CORS preflight), which this server never gives.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.split(";")[0].strip().equalsIgnoreCase("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'",
                    "Content-Type");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("body", "a JSON object body is required");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("body", "a JSON object body is required");
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getFieldName();
            throw ApiException.badRequest(field, "wrong type or shape: " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "not valid JSON: " + e.getOriginalMessage().split("\n")[0]);
        }
    }
}
