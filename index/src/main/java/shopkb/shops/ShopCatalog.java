package shopkb.shops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import shopkb.ContentHome;
import shopkb.ShopFolders;
import shopkb.UnitEngine;
import shopkb.analysis.VocabularyLoader;
import shopkb.check.RuleSet;
import shopkb.content.FolderWatcher;
import shopkb.editing.Folders;

/**
 * The shops: listed, created whole or not at all (empty, or with a copy of another shop's content), and removed with
 * nothing deleted. By default they are the shop folders on disk: a shop is removed by moving its folder aside whole, and
 * the command line can work beside a running server, which finds a new shop on its next request. When the content home
 * keeps which shops exist (a cluster, see {@link ContentHome#keepsShops}), they are the home's: a shop created through
 * any server (or the command line) is served by every server over it, and a removed one's files are written from the
 * home into this data folder's {@code removed/} before it leaves the home.
 */
public final class ShopCatalog {

    /** What {@code shop.json} holds. */
    private record ShopFile(String title, String created) {
    }

    static final int MAX_TITLE_CHARS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_TITLE = "默认店铺";

    private final DataLayout layout;
    private final Path defaultContent;
    private final ContentHome home;
    private final UnitEngine engine;

    /**
     * The shop folders on disk.
     *
     * @param defaultContent the default shop's content folder (the server's {@code --content})
     */
    public ShopCatalog(DataLayout layout, Path defaultContent) {
        this(layout, defaultContent, ContentHome.LOCAL, UnitEngine.EMBEDDED);
    }

    /**
     * The shops {@code home} keeps when it keeps them, else the shop folders on disk.
     *
     * @param engine where the shops' units are kept (a removed shop's are deleted there)
     */
    public ShopCatalog(DataLayout layout, Path defaultContent, ContentHome home, UnitEngine engine) {
        this.layout = layout;
        this.defaultContent = defaultContent;
        this.home = home;
        this.engine = engine;
    }

    /** Whether other servers may create and remove shops too (the content home keeps them), so a server must look. */
    public boolean shared() {
        return home.keepsShops();
    }

    public DataLayout layout() {
        return layout;
    }

    public ShopFolders folders(ShopName name) {
        return layout.folders(name, defaultContent);
    }

    public boolean exists(ShopName name) {
        if (name.isDefault()) {
            return true;
        }
        return home.keepsShops() ? home.shop(name.value()).isPresent()
                : Files.isRegularFile(layout.shop(name).resolve(DataLayout.SHOP_FILE));
    }

    public Optional<ShopInfo> info(ShopName name) {
        if (name.isDefault()) {
            return Optional.of(new ShopInfo(name.value(), DEFAULT_TITLE, null));
        }
        if (home.keepsShops()) {
            return home.shop(name.value()).map(held -> info(name, held.shopFile(), "shop " + name + "'s " + DataLayout.SHOP_FILE));
        }
        Path file = layout.shop(name).resolve(DataLayout.SHOP_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(info(name, Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A shop as its shop file describes it; one that came to the content home without a shop file is titled by name. */
    private static ShopInfo info(ShopName name, byte[] shopFile, String where) {
        if (shopFile == null) {
            return new ShopInfo(name.value(), name.value(), null);
        }
        try {
            ShopFile read = JSON.readValue(shopFile, ShopFile.class);
            return new ShopInfo(name.value(), read.title(), read.created());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }

    /** Every shop, the default one first, then by name. */
    public List<ShopInfo> list() {
        var shops = new ArrayList<ShopInfo>();
        shops.add(info(ShopName.DEFAULT).orElseThrow());
        var others = new ArrayList<ShopInfo>();
        if (home.keepsShops()) {
            for (ContentHome.HeldShop held : home.shops()) {
                parse(held.shop()).filter(name -> !name.isDefault())
                        .ifPresent(name -> others.add(info(name, held.shopFile(), "shop " + name + "'s " + DataLayout.SHOP_FILE)));
            }
            others.sort(Comparator.comparing(ShopInfo::name));
            shops.addAll(others);
            return shops;
        }
        if (!Files.isDirectory(layout.shops())) {
            return shops;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(layout.shops())) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(".")) {
                    parse(name).flatMap(this::info).ifPresent(others::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.shops(), e);
        }
        others.sort(Comparator.comparing(ShopInfo::name));
        shops.addAll(others);
        return shops;
    }

    /**
     * Creates a shop: its folder is built aside, forced to disk, then renamed into place, so after a crash the shop
     * either exists whole or not at all.
     *
     * @param title what people see (the name when blank)
     * @param copyOf a shop whose content (entries, intents, vocabulary, rules; no history, usage or phrasings) the new
     *               shop starts with, or null for an empty shop
     */
    public synchronized ShopInfo create(ShopName name, String title, ShopName copyOf) {
        String shown = title == null || title.isBlank() ? name.value() : title.strip();
        if (shown.codePointCount(0, shown.length()) > MAX_TITLE_CHARS || shown.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a shop title is at most " + MAX_TITLE_CHARS + " characters, without control characters");
        }
        if (exists(name)) {
            throw new ShopExistsException(name);
        }
        if (copyOf != null && !exists(copyOf)) {
            throw new UnknownShopException(copyOf);
        }
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (home.keepsShops()) {
            return createInHome(name, shown, created, copyOf);
        }
        Path building = layout.shops().resolve("." + name.value() + ".creating-" + UUID.randomUUID());
        try {
            Path content = building.resolve(DataLayout.CONTENT);
            if (copyOf != null) {
                Folders.copy(folders(copyOf).content(), content);
            }
            for (String folder : contentFolders()) {
                Files.createDirectories(content.resolve(folder));
            }
            Files.write(building.resolve(DataLayout.SHOP_FILE), JSON.writeValueAsBytes(new ShopFile(shown, created)));
            Folders.force(building);
            if (Files.exists(layout.shop(name))) {
                throw new IllegalStateException("the folder " + layout.shop(name) + " exists without " + DataLayout.SHOP_FILE
                        + "; move it away first");
            }
            Folders.move(building, layout.shop(name));
            return new ShopInfo(name.value(), shown, created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shop '" + name + "'", e);
        } finally {
            try {
                Folders.delete(building);
            } catch (IOException e) {
                // A dot-folder left behind is never listed; the shop itself is whole or absent either way.
                org.slf4j.LoggerFactory.getLogger(ShopCatalog.class).warn("could not clean up {}: {}", building, e.toString());
            }
        }
    }

    /**
     * The shop made in the content home, whole or not at all; this data folder's own folder of an earlier shop of the
     * name (one removed through another server while this one had it closed) is moved aside first, so the new shop does
     * not start with the old one's usage log or own phrasings.
     */
    private ShopInfo createInHome(ShopName name, String title, String created, ShopName copyOf) {
        setAside(name);
        byte[] shopFile;
        try {
            shopFile = JSON.writeValueAsBytes(new ShopFile(title, created));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shop '" + name + "''s " + DataLayout.SHOP_FILE, e);
        }
        if (!home.create(name.value(), shopFile, copyOf == null ? null : copyOf.value())) {
            throw new ShopExistsException(name);
        }
        return new ShopInfo(name.value(), title, created);
    }

    /**
     * Moves this data folder's own folder of a shop (when there is one) aside under {@code removed/}, whole: for a shop
     * that left the content home through another server, this server's mirror of it and what it kept of it alone.
     *
     * @return where it was moved, or empty when there was no folder
     */
    public synchronized Optional<Path> setAside(ShopName name) {
        if (name.isDefault() || !Files.exists(layout.shop(name))) {
            return Optional.empty();
        }
        Path to = removedFolder(name);
        try {
            Folders.move(layout.shop(name), to);
            return Optional.of(to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the folder of shop '" + name + "' to " + to, e);
        }
    }

    private Path removedFolder(ShopName name) {
        return layout.removed().resolve(name.value() + "-" + Instant.now().toString().replace(":", ""));
    }

    /**
     * Removes a shop from service, deleting nothing. On disk, its whole folder (content, history, usage, phrasings) is
     * moved under {@code removed/}, and moving it back restores it; refused while a server has the shop open (it holds
     * the shop index's lock, which this takes for the move). In a content home that keeps the shops, this data folder's
     * own folder of the shop is moved under {@code removed/} and every file the home holds for it is written there too
     * (see {@link ContentHome#drop}) before it leaves the home and its units are deleted; servers serving it close it.
     *
     * @return where it was moved
     */
    public synchronized Path remove(ShopName name) {
        if (name.isDefault()) {
            throw new IllegalArgumentException("the default shop cannot be removed");
        }
        if (!exists(name)) {
            throw new UnknownShopException(name);
        }
        if (home.keepsShops()) {
            return removeFromHome(name);
        }
        Path to = removedFolder(name);
        try (Directory index = FSDirectory.open(folders(name).index());
             Lock unused = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            Folders.move(layout.shop(name), to);
            return to;
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("shop '" + name + "' is open in a running server; remove it there with "
                    + "DELETE /api/shops/" + name + ", which closes it first", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move shop '" + name + "' to " + to, e);
        }
    }

    private Path removeFromHome(ShopName name) {
        Optional<Path> own = setAside(name);
        Path to = own.orElseGet(() -> removedFolder(name));
        try {
            home.drop(name.value(), new ShopFolders(to.resolve(DataLayout.CONTENT), to));
        } catch (RuntimeException e) {
            // The shop stays in the home, in service: its folder goes back, or the files kept so far go.
            try {
                if (own.isPresent()) {
                    Folders.move(to, layout.shop(name));
                } else {
                    Folders.delete(to);
                }
            } catch (IOException undoing) {
                e.addSuppressed(undoing);
            }
            throw e;
        }
        engine.drop(name.value());
        return to;
    }

    /** The folders of an empty shop's content: intents, one per entry type, vocabulary and rules. */
    private static List<String> contentFolders() {
        var folders = new ArrayList<>(FolderWatcher.contentFolders());
        folders.add(VocabularyLoader.FOLDER);
        folders.add(RuleSet.FOLDER);
        return folders;
    }

    private static Optional<ShopName> parse(String name) {
        try {
            return Optional.of(new ShopName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a shop's folder
        }
    }
}
