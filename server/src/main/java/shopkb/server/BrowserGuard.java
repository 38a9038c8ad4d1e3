package shopkb.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Protections every response needs in a browser, for pages and API alike: a Content-Security-Policy that
 * allows only this server's own scripts, styles and connections (no inline script or style, no framing),
 * no MIME sniffing, no referrer. A server bound to loopback also answers only to local host names: under DNS
 * rebinding a page of another site, its name pointed at 127.0.0.1, would otherwise be same-origin with the API.
 */
final class BrowserGuard extends Handler.Wrapper {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> LOOPBACK_BINDS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final byte[] MISDIRECTED = ("{\"error\":\"misdirected_request\",\"message\":\"this server answers only to "
            + "localhost, 127.0.0.1 or [::1]\",\"where\":\"Host\"}").getBytes(StandardCharsets.UTF_8);

    private final boolean loopbackOnly;

    /** @param boundHost the interface the server listens on; loopback means local host names only */
    BrowserGuard(String boundHost) {
        this.loopbackOnly = LOOPBACK_BINDS.contains(boundHost);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        if (loopbackOnly && !LOCAL_NAMES.contains(hostName(request.getHeaders().get(HttpHeader.HOST)))) {
            response.setStatus(421);
            headers.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            response.write(true, ByteBuffer.wrap(MISDIRECTED), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** The Host header without its port, lower case ("" when absent). */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        return name;
    }
}
