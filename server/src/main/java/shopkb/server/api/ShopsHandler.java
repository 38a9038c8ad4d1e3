package shopkb.server.api;

import io.javalin.http.Context;
import java.util.List;
import shopkb.server.auth.AccessGuard;
import shopkb.server.auth.Principal;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopInfo;
import shopkb.shops.ShopName;

/**
 * {@code GET /api/shops}: the shops the caller may use (all of them for anyone while reading is open and no token is
 * sent); {@code POST /api/shops {"name", "title", "copyOf"}} and {@code DELETE /api/shops/{shop}}: admins create a shop
 * (empty, or starting with a copy of another's content; searchable when the answer comes) and remove one (its folder is
 * moved aside whole). Over a cluster the shops are the cluster's (see {@link shopkb.shops.ShopCatalog}): one created here
 * is served by every server at once, one removed here is closed by the others within a second, its files kept in this
 * server's {@code removed/}.
 */
public final class ShopsHandler {

    /** Body of a shop creation. */
    public record CreateRequest(String name, String title, String copyOf) {
    }

    private final OpenShops shops;
    private final AccessGuard guard;

    public ShopsHandler(OpenShops shops, AccessGuard guard) {
        this.shops = shops;
        this.guard = guard;
    }

    public void list(Context ctx) {
        Principal caller = guard.checkReading(ctx).orElse(null);
        List<ShopInfo> visible = shops.list().stream()
                .filter(shop -> caller == null || caller.mayUse(new ShopName(shop.name()))).toList();
        ctx.json(visible);
    }

    public void create(Context ctx) {
        guard.requireAdmin(ctx);
        CreateRequest request = JsonBodies.read(ctx, CreateRequest.class);
        ShopName name = name(request.name(), "name");
        ShopName copyOf = request.copyOf() == null || request.copyOf().isBlank() ? null : name(request.copyOf(), "copyOf");
        if (copyOf != null && !shops.catalog().exists(copyOf)) {
            throw ApiException.badRequest("copyOf", "copyOf must name an existing shop; there is no '" + copyOf + "'");
        }
        ShopInfo created;
        try {
            created = shops.create(name, request.title(), copyOf);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("title", e.getMessage());
        }
        ctx.status(201).header("Location", "/api/shops/" + name).json(created);
    }

    public void remove(Context ctx) {
        guard.requireAdmin(ctx);
        ShopName name = ShopRoutes.shopOf(ctx);
        if (name.isDefault()) {
            throw ApiException.badRequest("shop", "the default shop cannot be removed");
        }
        shops.remove(name);
        ctx.status(204);
    }

    private static ShopName name(String raw, String where) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest(where, where + " is required");
        }
        try {
            return new ShopName(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(where, e.getMessage());
        }
    }
}
