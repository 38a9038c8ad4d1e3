package shopkb.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before a request reaches Javalin (a URI too long, headers too large, malformed
 * requests) get the same JSON body as every other API error instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = shopkb.server.KbApplication.apiMapper();

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause)
            throws IOException {
        return super.generateAcceptableResponse(request, response, callback, "application/json",
                List.of(StandardCharsets.UTF_8), code, message, cause);
    }

    /** Jetty writes a body only for GET, POST and HEAD by default; a refused PUT or DELETE got an empty 400. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(body(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8"));
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    /** What the client should look at: Jetty refuses before any parameter or field is read. */
    private static String where(int code) {
        return switch (code) {
            case 414 -> "url";
            case 431 -> "headers";
            default -> "request";
        };
    }

    private static String body(int code, String message) {
        String text = switch (code) {
            case 414 -> "the request URI is too long; send long buyer messages with POST /api/search";
            case 431 -> "request headers are too large";
            default -> message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        };
        try {
            return JSON.writeValueAsString(new ApiError(code >= 500 ? "internal_error" : "http_" + code, text, where(code)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a fixed record cannot fail", e);
        }
    }
}
