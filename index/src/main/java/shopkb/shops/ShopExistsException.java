package shopkb.shops;

/** A shop of that name exists already. */
public final class ShopExistsException extends RuntimeException {

    public ShopExistsException(ShopName name) {
        super("a shop named '" + name + "' exists already");
    }
}
