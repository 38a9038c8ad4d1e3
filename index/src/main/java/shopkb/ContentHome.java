package shopkb;

import shopkb.editing.FileHome;
import shopkb.usage.UsageHome;

/**
 * Where the shops of a process keep their content and its change history (and their usage log): {@link #LOCAL}, the
 * shop's own folders (the default), or a home every server of a cluster shares (the cluster engine's module has one),
 * which the local folders then mirror.
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
     * Opens a shop's content at its home, making the local folders current.
     *
     * @param folders the shop's own folders (what a new home starts from)
     */
    Opened open(String shop, ShopFolders folders);

    /** Where the shop's usage log is kept beyond each server's own file ({@link UsageHome#NONE}: nowhere). */
    default UsageHome usageHome(String shop) {
        return UsageHome.NONE;
    }

    /** The shop's own folders are the home. */
    ContentHome LOCAL = (shop, folders) -> new Opened(folders, FileHome.LOCAL);
}
