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
import shopkb.ShopFolders;
import shopkb.analysis.VocabularyLoader;
import shopkb.check.RuleSet;
import shopkb.content.FolderWatcher;
import shopkb.editing.Folders;

/**
 * The shops on disk: listed, created whole or not at all (empty, or with a copy of another shop's content), and
 * removed by moving the shop's folder aside whole, never deleting it. Works on the folders alone, so the command line
 * can use it beside a running server, which finds a new shop on its next request.
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

    /** @param defaultContent the default shop's content folder (the server's {@code --content}) */
    public ShopCatalog(DataLayout layout, Path defaultContent) {
        this.layout = layout;
        this.defaultContent = defaultContent;
    }

    public DataLayout layout() {
        return layout;
    }

    public ShopFolders folders(ShopName name) {
        return layout.folders(name, defaultContent);
    }

    public boolean exists(ShopName name) {
        return name.isDefault() || Files.isRegularFile(layout.shop(name).resolve(DataLayout.SHOP_FILE));
    }

    public Optional<ShopInfo> info(ShopName name) {
        if (name.isDefault()) {
            return Optional.of(new ShopInfo(name.value(), DEFAULT_TITLE, null));
        }
        Path file = layout.shop(name).resolve(DataLayout.SHOP_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ShopFile read = JSON.readValue(Files.readAllBytes(file), ShopFile.class);
            return Optional.of(new ShopInfo(name.value(), read.title(), read.created()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every shop, the default one first, then by name. */
    public List<ShopInfo> list() {
        var shops = new ArrayList<ShopInfo>();
        shops.add(info(ShopName.DEFAULT).orElseThrow());
        if (!Files.isDirectory(layout.shops())) {
            return shops;
        }
        var others = new ArrayList<ShopInfo>();
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
        Path building = layout.shops().resolve("." + name.value() + ".creating-" + UUID.randomUUID());
        try {
            Path content = building.resolve(DataLayout.CONTENT);
            if (copyOf != null) {
                Folders.copy(folders(copyOf).content(), content);
            }
            for (String folder : contentFolders()) {
                Files.createDirectories(content.resolve(folder));
            }
            String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
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
     * Removes a shop from service by moving its whole folder (content, history, usage, phrasings) under {@code removed/}:
     * nothing is deleted, and moving it back restores it. Refused while a server has the shop open (it holds the shop
     * index's lock, which this takes for the move).
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
        Path to = layout.removed().resolve(name.value() + "-" + Instant.now().toString().replace(":", ""));
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
