package shopkb;

import java.util.List;
import java.util.Optional;
import shopkb.editing.FileHome;
import shopkb.usage.UsageHome;

/**
 * Where the shops of a process keep their content and its change history (and their usage log): {@link #LOCAL}, the
 * shop's own folders (the default), or a home every server of a cluster shares (the cluster engine's module has one),
 * which the local folders then mirror. A shared home also keeps which shops exist ({@link #keepsShops}): every server
 * over it serves the same shops, whatever its own data folder holds.
 */
@FunctionalInterface
public interface ContentHome {

    /**
     * A shop's content as opened from its home.
     *
     * @param folders the folders the shop is served from: its own, or the local mirror of its home
     * @param files where an edit of a content or history file is written
     */
    record Opened(ShopFolders folders, FileHome files) {
    }

    /**
     * A shop its home holds whole.
     *
     * @param shopFile the shop's {@code shop.json} (its title), or null when the shop came to the home without one
     */
    record HeldShop(String shop, byte[] shopFile) {
    }

    /**
     * Opens a shop's content at its home, making the local folders current.
     *
     * @param folders the shop's own folders (what a new home starts from)
     */
    Opened open(String shop, ShopFolders folders);

    /** Where the shop's usage log is kept beyond each server's own file ({@link UsageHome#NONE}: nowhere). */
    default UsageHome usageHome(String shop) {
        return UsageHome.NONE;
    }

    /**
     * Whether this home, rather than the data folder, says which shops exist; the methods below are used only when it
     * does. {@link #LOCAL} does not: the shop folders on disk are the shops.
     */
    default boolean keepsShops() {
        return false;
    }

    /** The shops the home holds whole (one being created or removed is not among them), in no particular order. */
    default List<HeldShop> shops() {
        return List.of();
    }

    /** The shop, when the home holds it whole. */
    default Optional<HeldShop> shop(String shop) {
        return Optional.empty();
    }

    /**
     * Makes a new shop in the home, whole or not at all: its shop file, and the content (entries, intents, vocabulary,
     * rules; no history) of {@code copyOf} as the home holds it.
     *
     * @param copyOf a shop the home holds, or null for an empty shop
     * @return false when the home holds a shop of that name already
     */
    default boolean create(String shop, byte[] shopFile, String copyOf) {
        throw new UnsupportedOperationException("the shop folders on disk are the shops: create the folder");
    }

    /**
     * Takes a shop out of the home: no server serves it from then on, every file the home holds for it is written into
     * {@code keep} (the content files replacing those there, the history and the shop file beside them), forced to disk,
     * and only then is it deleted from the home. A failure before the deletion leaves the shop in the home, in service.
     */
    default void drop(String shop, ShopFolders keep) {
        throw new UnsupportedOperationException("the shop folders on disk are the shops: move the folder");
    }

    /** The shop's own folders are the home. */
    ContentHome LOCAL = (shop, folders) -> new Opened(folders, FileHome.LOCAL);
}
