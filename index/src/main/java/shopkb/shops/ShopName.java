package shopkb.shops;

import java.util.regex.Pattern;

/**
 * A shop's name as URLs ({@code /api/shops/{shop}/...}), tokens and its folder carry it: 1 to 40 lower-case letters,
 * digits and '-', starting with a letter or digit.
 */
public record ShopName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** The shop today's API paths ({@code /api/search}, ...) serve: the content folder the server was started with. */
    public static final ShopName DEFAULT = new ShopName("default");

    public ShopName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a shop name is 1-40 lower-case letters, digits or '-', starting with a letter "
                    + "or digit, got '" + value + "'");
        }
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public String toString() {
        return value;
    }
}
