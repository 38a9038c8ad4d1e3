package shopkb.shops;

/** No shop of that name (never created, or removed). */
public final class UnknownShopException extends RuntimeException {

    public UnknownShopException(ShopName name) {
        super("no shop named '" + name + "'");
    }
}
