package shopkb.server.auth;

import io.javalin.http.Context;
import shopkb.server.api.ApiException;

/**
 * Checks the caller's token ({@code Authorization: Bearer TOKEN}). Reading is open unless the server was
 * started to require a token for reading too; writing always needs an editor token.
 * 401: no token or an unknown one. 403: a valid token without the needed role.
 */
public final class AccessGuard {

    private final TokenStore tokens;
    private final boolean readNeedsToken;

    public AccessGuard(TokenStore tokens, boolean readNeedsToken) {
        this.tokens = tokens;
        this.readNeedsToken = readNeedsToken;
    }

    public void requireReader(Context ctx) {
        if (readNeedsToken) {
            caller(ctx);
        }
    }

    public Principal requireEditor(Context ctx) {
        Principal principal = caller(ctx);
        if (principal.role() != Role.EDITOR) {
            throw new ApiException(403, "forbidden", "token '" + principal.name() + "' may read but not change content", null);
        }
        return principal;
    }

    /** Who the caller is (401 when the token is missing or unknown). */
    public Principal identify(Context ctx) {
        return caller(ctx);
    }

    private Principal caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "send an API token as 'Authorization: Bearer TOKEN'", "Authorization");
        }
        return tokens.authenticate(header.substring(7))
                .orElseThrow(() -> new ApiException(401, "unauthorized", "unknown or revoked token", "Authorization"));
    }
}
