package shopkb.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import shopkb.server.auth.Access;
import shopkb.server.auth.AccessGuard;
import shopkb.server.auth.Principal;
import shopkb.shops.OpenShops;
import shopkb.shops.ShopName;

/**
 * Registers each operation on a shop twice: under {@code /api/shops/{shop}/...}, and under today's {@code /api/...} for
 * the default shop. Every request first passes the access guard for that shop (so a refused caller never opens it),
 * then uses the open shop for exactly as long as the handler runs.
 */
public final class ShopRoutes {

    /** The path of a shop's operations, before the operation's own path. */
    public static final String SHOP_PREFIX = "/api/shops/{shop}";
    public static final String DEFAULT_PREFIX = "/api";

    /** An operation on one shop. */
    @FunctionalInterface
    public interface ShopHandler {
        void handle(Context ctx, ShopCall call) throws Exception;
    }

    private final RoutesConfig routes;
    private final AccessGuard guard;
    private final OpenShops shops;

    public ShopRoutes(RoutesConfig routes, AccessGuard guard, OpenShops shops) {
        this.routes = routes;
        this.guard = guard;
        this.shops = shops;
    }

    /** @param path the operation's path after the prefix, e.g. {@code /search} */
    public void add(HandlerType method, String path, Access access, ShopHandler handler) {
        Handler wrapped = ctx -> {
            ShopName shop = shopOf(ctx);
            Principal caller = guard.check(ctx, shop, access).orElse(null);
            try (OpenShops.Lease lease = shops.use(shop)) {
                handler.handle(ctx, new ShopCall(lease.shop(), caller));
            }
        };
        routes.addHttpHandler(method, DEFAULT_PREFIX + path, wrapped);
        routes.addHttpHandler(method, SHOP_PREFIX + path, wrapped);
    }

    /** The shop a request addresses: the {@code {shop}} of its path, else the default shop. */
    public static ShopName shopOf(Context ctx) {
        String name = ctx.pathParamMap().get("shop");
        if (name == null) {
            return ShopName.DEFAULT;
        }
        try {
            return new ShopName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("shop", e.getMessage());
        }
    }
}
