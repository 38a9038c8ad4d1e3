package shopkb.shops;

/**
 * A shop as listed: its name, the title people see, and when it was created (null for the default shop).
 */
public record ShopInfo(String name, String title, String created) {
}
