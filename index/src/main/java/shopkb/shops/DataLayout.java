package shopkb.shops;

import java.nio.file.Path;
import shopkb.ShopFolders;

/**
 * The data folder of a server of many shops, each kind of state by the one name defined here. The default shop keeps
 * its data where a one-shop server kept it, at the top of the data folder (an existing install keeps its index,
 * history and usage log); every other shop has its own folder under {@code shops/}, its content included.
 *
 * <pre>
 * data/tokens.json             API tokens (hashed), for every shop
 * data/vectors/                vectors of every content text any shop had encoded
 * data/index, meaning/, ...    the default shop's data (see {@link ShopFolders})
 * data/shops/NAME/shop.json    another shop: its title
 * data/shops/NAME/content/     its content (intents, entries, vocabulary, rules)
 * data/shops/NAME/index, ...   its data (see {@link ShopFolders})
 * data/removed/NAME-TIME/      a removed shop, kept whole until someone deletes it
 * </pre>
 *
 * Over a cluster that keeps the shops, a shop's title and content are the cluster's, and {@code data/shops/NAME/} holds
 * this server's mirror of them and what the server keeps of the shop alone.
 */
public record DataLayout(Path data) {

    public static final String TOKENS = "tokens.json";
    public static final String VECTORS = "vectors";
    public static final String SHOPS = "shops";
    public static final String REMOVED = "removed";
    public static final String CONTENT = "content";
    public static final String SHOP_FILE = "shop.json";

    public Path tokens() {
        return data.resolve(TOKENS);
    }

    public Path vectors() {
        return data.resolve(VECTORS);
    }

    /** Where shops other than the default one live, one folder each. */
    public Path shops() {
        return data.resolve(SHOPS);
    }

    public Path removed() {
        return data.resolve(REMOVED);
    }

    /** The folder of a shop other than the default one. */
    public Path shop(ShopName name) {
        return shops().resolve(name.value());
    }

    /**
     * Where a shop's files live.
     *
     * @param defaultContent the content folder of the default shop (the server's {@code --content})
     */
    public ShopFolders folders(ShopName name, Path defaultContent) {
        if (name.isDefault()) {
            return new ShopFolders(defaultContent, data);
        }
        Path shop = shop(name);
        return new ShopFolders(shop.resolve(CONTENT), shop);
    }
}
