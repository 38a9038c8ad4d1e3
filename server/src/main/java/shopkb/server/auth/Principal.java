package shopkb.server.auth;

import java.util.List;
import shopkb.shops.ShopName;

/**
 * Who is calling: the token's name (recorded in the history as the editor, and the owner of personal phrasings), its
 * role, and the shops it may use ({@value #EVERY_SHOP} for all; an admin uses every shop whatever it lists).
 */
public record Principal(String name, Role role, List<String> shops) {

    public static final String EVERY_SHOP = "*";

    public Principal {
        shops = List.copyOf(shops);
    }

    public boolean mayUse(ShopName shop) {
        return role == Role.ADMIN || shops.contains(EVERY_SHOP) || shops.contains(shop.value());
    }
}
