package shopkb.server.api;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Refuses changes that a page on another site makes a browser send. Reading and searching are open on
 * localhost, so without this any web page could post to the server through the agent's browser. Requests
 * that change something must come from the server's own pages (same origin) or from a tool that sends no
 * Origin at all (curl, scripts); JSON bodies are required separately ({@link JsonBodies}), so a form or
 * text/plain post, which needs no preflight, never gets through either.
 */
public final class CrossOriginGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    private CrossOriginGuard() {
    }

    /** Before every API request: a change from another origin gets 403. */
    public static void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String origin = ctx.header("Origin");
        boolean otherOrigin = origin != null && !origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host());
        if (otherOrigin || OTHER_SITES.contains(String.valueOf(ctx.header("Sec-Fetch-Site")))) {
            throw new ApiException(403, "cross_origin", "changes are accepted only from this server's own pages or from tools "
                    + "that send no Origin header", "Origin");
        }
    }

    /** Whether a read was sent by a page of another site (an image or script tag, a no-cors fetch). */
    public static boolean fromAnotherSite(Context ctx) {
        return OTHER_SITES.contains(String.valueOf(ctx.header("Sec-Fetch-Site")));
    }
}
