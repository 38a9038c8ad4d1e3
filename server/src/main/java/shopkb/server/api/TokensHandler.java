package shopkb.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shopkb.server.auth.AccessGuard;
import shopkb.server.auth.Principal;
import shopkb.server.auth.Role;
import shopkb.server.auth.TokenStore;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopName;

/**
 * Admins' tokens API: {@code GET /api/tokens} (names, roles, shops; never the tokens), {@code POST /api/tokens
 * {"name", "role", "shops"}} (the new token is in the answer, once) and {@code DELETE /api/tokens/{name}} (a revoked
 * token stops working at once).
 */
public final class TokensHandler {

    /** Body of a token creation. */
    public record CreateRequest(String name, String role, List<String> shops) {
    }

    /** A token as listed (the role as {@code /api/whoami} names it). */
    public record Listed(String name, Role role, List<String> shops, String created) {
    }

    private final TokenStore tokens;
    private final OpenShops shops;
    private final AccessGuard guard;

    public TokensHandler(TokenStore tokens, OpenShops shops, AccessGuard guard) {
        this.tokens = tokens;
        this.shops = shops;
        this.guard = guard;
    }

    public void list(Context ctx) {
        guard.requireAdmin(ctx);
        ctx.json(tokens.all().stream().map(t -> new Listed(t.name(), t.role(), t.shops(), t.created())).toList());
    }

    public void create(Context ctx) {
        guard.requireAdmin(ctx);
        CreateRequest request = JsonBodies.read(ctx, CreateRequest.class);
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest("name", "name is required");
        }
        if (tokens.all().stream().anyMatch(t -> t.name().equals(request.name()))) {
            throw new ApiException(409, "already_exists", "a token named '" + request.name() + "' exists; revoke it first", "name");
        }
        Role role = role(request.role());
        List<String> allowed = role == Role.ADMIN ? List.of(Principal.EVERY_SHOP) : shops(request.shops());
        String token;
        try {
            token = tokens.add(request.name(), role, allowed);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("name", e.getMessage());
        }
        ctx.status(201).json(Map.of("name", request.name(), "role", role, "shops", allowed, "token", token));
    }

    public void revoke(Context ctx) {
        guard.requireAdmin(ctx);
        String name = ctx.pathParam("name");
        if (!tokens.revoke(name)) {
            throw ApiException.notFound("no token named '" + name + "'");
        }
        ctx.status(204);
    }

    private static Role role(String raw) {
        try {
            return Role.valueOf(String.valueOf(raw).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", "role is reader, agent, editor or admin");
        }
    }

    private List<String> shops(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.badRequest("shops", "shops lists the shops the token may use (names, or '" + Principal.EVERY_SHOP + "')");
        }
        for (String shop : raw) {
            if (Principal.EVERY_SHOP.equals(shop)) {
                continue;
            }
            ShopName name;
            try {
                name = new ShopName(String.valueOf(shop));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("shops", e.getMessage());
            }
            if (!shops.catalog().exists(name)) {
                throw ApiException.badRequest("shops", "there is no shop named '" + name + "'");
            }
        }
        return List.copyOf(raw);
    }
}
