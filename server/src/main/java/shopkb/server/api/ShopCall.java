package shopkb.server.api;

import shopkb.server.auth.Principal;
import shopkb.shops.Shop;

/**
 * A request to one shop, let through by the access guard: the open shop, and who is calling.
 *
 * @param caller the token's principal, or null for an anonymous caller where the operation allows one
 */
public record ShopCall(Shop shop, Principal caller) {

    /** The caller's token name, which the history records as the editor (editing needs a token, so there is one). */
    public String by() {
        return caller.name();
    }
}
