package shopkb.server.auth;

import io.javalin.http.Context;
import java.util.Optional;
import shopkb.shops.ShopName;

/**
 * Checks the caller's token ({@code Authorization: Bearer TOKEN}) against what an operation needs ({@link Access}) in
 * the shop it addresses. Reading is open unless the server was started to require a token for reading too; a token that
 * is sent is always checked, so a token of shop A asking anything of shop B is refused, never answered with B's data.
 * Refusals are {@link AccessDenied}: unauthenticated (no or an unknown token) or forbidden.
 */
public final class AccessGuard {

    private final TokenStore tokens;
    private final boolean readNeedsToken;

    public AccessGuard(TokenStore tokens, boolean readNeedsToken) {
        this.tokens = tokens;
        this.readNeedsToken = readNeedsToken;
    }

    /**
     * The caller, allowed to do what {@code access} says in {@code shop}.
     *
     * @return the caller, or empty for an anonymous caller where that is allowed
     */
    public Optional<Principal> check(Context ctx, ShopName shop, Access access) {
        Optional<Principal> caller = sent(ctx);
        if (caller.isEmpty()) {
            if (access == Access.OPEN || (access == Access.READ && !readNeedsToken)) {
                return Optional.empty();
            }
            throw noToken();
        }
        Principal principal = caller.get();
        if (!principal.mayUse(shop)) {
            throw new AccessDenied(AccessDenied.Reason.FORBIDDEN, "token '" + principal.name() + "' may not use shop '" + shop + "'");
        }
        Role needed = switch (access) {
            case OPEN, READ -> Role.READER;
            case AGENT -> Role.AGENT;
            case EDIT -> Role.EDITOR;
        };
        if (!principal.role().includes(needed)) {
            throw new AccessDenied(AccessDenied.Reason.FORBIDDEN, "token '" + principal.name() + "' is a "
                    + principal.role().name().toLowerCase(java.util.Locale.ROOT) + "; this needs "
                    + needed.name().toLowerCase(java.util.Locale.ROOT) + " or more" + (needed == Role.EDITOR ? " (it may read but not change content)" : ""));
        }
        return caller;
    }

    /** The caller of an operation on no particular shop (listing shops): anonymous only while reading is open. */
    public Optional<Principal> checkReading(Context ctx) {
        Optional<Principal> caller = sent(ctx);
        if (caller.isEmpty() && readNeedsToken) {
            throw noToken();
        }
        return caller;
    }

    /** An admin (shops and tokens). */
    public Principal requireAdmin(Context ctx) {
        Principal caller = identify(ctx);
        if (caller.role() != Role.ADMIN) {
            throw new AccessDenied(AccessDenied.Reason.FORBIDDEN, "token '" + caller.name() + "' is not an admin's");
        }
        return caller;
    }

    /** Who the caller is (refused without a known token). */
    public Principal identify(Context ctx) {
        return sent(ctx).orElseThrow(AccessGuard::noToken);
    }

    /** The token sent, if any; an unknown or revoked one is refused. */
    private Optional<Principal> sent(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw noToken();
        }
        return Optional.of(tokens.authenticate(header.substring(7))
                .orElseThrow(() -> new AccessDenied(AccessDenied.Reason.UNAUTHENTICATED, "unknown or revoked token")));
    }

    private static AccessDenied noToken() {
        return new AccessDenied(AccessDenied.Reason.UNAUTHENTICATED, "send an API token as 'Authorization: Bearer TOKEN'");
    }
}
