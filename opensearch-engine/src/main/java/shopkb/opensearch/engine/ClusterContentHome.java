package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shopkb.ContentHome;
import shopkb.ShopFolders;
import shopkb.editing.AtomicFiles;
import shopkb.editing.FileHome;
import shopkb.editing.Folders;
import shopkb.shops.DataLayout;
import shopkb.shops.ShopName;
import shopkb.shops.UnknownShopException;
import shopkb.usage.UsageHome;

/**
 * Shops' content and change history kept in the cluster, so that any number of servers serve and edit the same shops and
 * none of them holds anything the others need: each shop's files are one index, {@code shopkb-files.<shop>} (see {@link
 * ClusterFileHome}), which each server mirrors under the shop's data folder ({@code cluster-mirror/}). The first server
 * to open a shop the cluster does not have yet starts its home from the shop's own folders (the YAML files, the history
 * and the agents' own phrasings there); {@link #moveIn} and {@link #moveOut} move a shop between a data folder and the
 * cluster on purpose.
 *
 * <p>The cluster also keeps which shops exist: a shop is a files index marked whole ({@link #SEEDED}), its title the
 * document {@code shop.json} beside its content. {@link #create} and {@link #drop} make and end one for every server.
 */
public final class ClusterContentHome implements ContentHome {

    /** The mirror under a shop's data folder, and its two parts (named as a shop's own folders name them). */
    public static final String MIRROR = "cluster-mirror";
    static final String CONTENT = "content";
    static final String HISTORY = ShopFolders.HISTORY;
    /** The document marking a home whose first files are all written: a shop every server lists and serves. */
    private static final String SEEDED = "_shopkb_seeded";
    /** A shop's title and when it was created, one of its home's files. */
    static final String SHOP_FILE = DataLayout.SHOP_FILE;
    /** The files index that is not a shop's (see {@link #serverFiles}). */
    private static final String SERVER_FILES = "_server";
    /** Documents one listing of the shops asks for: two per shop, far more shops than a cluster holds shards for. */
    private static final int LISTING_SIZE = 10_000;
    /**
     * How long a removal waits, from the moment the shop leaves the listing, before deleting its files: every server looks
     * at the listing each second and closes a shop that left it, so none is still writing into the index as it goes.
     */
    private static final Duration OTHERS_CLOSE = Duration.ofMillis(1500);
    /** Where a removed shop's usage log events are kept, in its removed folder. */
    static final String KEPT_USAGE = "usage-from-cluster.jsonl";
    /** How long a server waits for another one that is writing a new home's first files. */
    private static final Duration SEED_WAIT = Duration.ofSeconds(30);
    private static final int SEED_BULK_BYTES = 4 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterContentHome.class);

    private final ClusterClient client;
    private final String prefix;

    public ClusterContentHome(ClusterClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    /** The index holding a shop's files. */
    public String indexOf(String shop) {
        return prefix + "files." + shop;
    }

    @Override
    public Opened open(String shop, ShopFolders own) {
        Path mirror = own.data().resolve(MIRROR).toAbsolutePath().normalize();
        var files = new ClusterFileHome(client, indexOf(shop), mirror);
        openOrSeed(files.index(), () -> seedsOf(own));
        try {
            files.clearMirror(List.of(CONTENT, HISTORY, ShopFolders.PERSONAL));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the mirror " + mirror, e);
        }
        files.pull();
        try {
            Files.createDirectories(mirror.resolve(CONTENT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the mirror " + mirror, e);
        }
        return new Opened(new ShopFolders(mirror.resolve(CONTENT), mirror), files);
    }

    /** The shop's usage log in the cluster, {@code shopkb-usage.<shop>}. */
    @Override
    public UsageHome usageHome(String shop) {
        return ClusterUsageHome.open(client, usageIndexOf(shop));
    }

    private String usageIndexOf(String shop) {
        return prefix + "usage." + shop;
    }

    /** Whether the cluster holds the shop's files. */
    public boolean holds(String shop) {
        return client.get("/" + indexOf(shop)).ok();
    }

    /**
     * Moves a shop's files into the cluster: its content, history and own phrasings become the home every server opens.
     *
     * @return how many files were written
     * @throws IllegalStateException when the cluster holds the shop already (its files would be two truths)
     */
    public int moveIn(String shop, ShopFolders own) {
        String index = indexOf(shop);
        if (!createIndex(index)) {
            throw new IllegalStateException("the cluster holds shop '" + shop + "' already (" + index + "); move it out first");
        }
        return seed(index, seedsOf(own));
    }

    /**
     * The files every server shares beyond shops' (the API tokens), kept in the index {@code shopkb-files._server} and
     * mirrored in the data folder; the first server starts it from its own.
     *
     * @param names the files, relative to {@code data}
     */
    public FileHome serverFiles(Path data, List<String> names) {
        Path root = data.toAbsolutePath().normalize();
        var files = new ClusterFileHome(client, prefix + "files._server", root);
        openOrSeed(files.index(), () -> names.stream().map(root::resolve).filter(Files::isRegularFile)
                .map(file -> new Seed(file, root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))).toList());
        files.pull();
        return files;
    }

    /** A local file to write into a new home, and its path there. */
    private record Seed(Path file, String path) {
    }

    /** Creates the index and writes its first files, or waits while another server does. */
    private void openOrSeed(String index, Supplier<List<Seed>> seeds) {
        if (createIndex(index)) {
            seed(index, seeds.get());
        } else {
            awaitSeeded(index, seeds);
        }
    }

    /** A shop's content, history and own-phrasing files and its shop file (when it has one), as its home names them. */
    private static List<Seed> seedsOf(ShopFolders own) {
        var seeds = new ArrayList<Seed>();
        seeds.addAll(seedsUnder(own.content(), CONTENT));
        seeds.addAll(seedsUnder(own.history(), HISTORY));
        seeds.addAll(seedsUnder(own.personal(), ShopFolders.PERSONAL));
        Path shopFile = own.data().resolve(SHOP_FILE);
        if (Files.isRegularFile(shopFile)) {
            seeds.add(new Seed(shopFile, SHOP_FILE));
        }
        return seeds;
    }

    /** The files under a local folder, named in the home under {@code name}. */
    private static List<Seed> seedsUnder(Path local, String name) {
        return filesUnder(local).stream()
                .map(file -> new Seed(file, name + "/" + local.relativize(file).toString().replace(java.io.File.separatorChar, '/')))
                .toList();
    }

    @Override
    public boolean keepsShops() {
        return true;
    }

    /**
     * The shops marked whole, with their shop files, from one search over every files index; the answer must come from
     * every shard, or a shop missing from it would look removed.
     */
    @Override
    public List<HeldShop> shops() {
        String files = prefix + "files.";
        ObjectNode body = ClusterClient.JSON.createObjectNode();
        body.putObject("query").putObject("ids").putArray("values").add(SEEDED).add(SHOP_FILE);
        body.put("size", LISTING_SIZE).put("track_total_hits", true);
        body.putArray("_source").add(ClusterFileHome.TEXT);
        ClusterClient.Response response = client.throughFailover("listing the shops",
                () -> client.post("/" + files + "*/_search", body), ClusterClient.Response::whole);
        if (!response.ok()) {
            throw new IllegalStateException("cannot list the shops in " + files + "*: " + response.status() + " " + response.body());
        }
        JsonNode hits = response.body().path("hits");
        if (hits.path("total").path("value").asLong() > hits.path("hits").size()) {
            throw new IllegalStateException("the cluster holds more than " + LISTING_SIZE / 2 + " shops, more than one listing "
                    + "takes");
        }
        var whole = new TreeSet<String>();
        Map<String, byte[]> shopFiles = new HashMap<>();
        for (JsonNode hit : hits.path("hits")) {
            String shop = hit.path("_index").asText().substring(files.length());
            if (SEEDED.equals(hit.path("_id").asText())) {
                whole.add(shop);
            } else {
                shopFiles.put(shop, hit.path("_source").path(ClusterFileHome.TEXT).asText("").getBytes(StandardCharsets.UTF_8));
            }
        }
        whole.remove(SERVER_FILES);
        return whole.stream().map(shop -> new HeldShop(shop, shopFiles.get(shop))).toList();
    }

    /** The shop, when its files index is marked whole (read in real time, whatever the index's refresh). */
    @Override
    public Optional<HeldShop> shop(String shop) {
        String index = indexOf(shop);
        ObjectNode body = ClusterClient.JSON.createObjectNode();
        body.putArray("ids").add(SEEDED).add(SHOP_FILE);
        ClusterClient.Response response = client.throughFailover("reading shop " + shop, () -> client.post("/" + index + "/_mget", body),
                answer -> true);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw new IllegalStateException("cannot read " + index + ": " + response.status() + " " + response.body());
        }
        JsonNode docs = response.body().path("docs");
        if (!docs.path(0).path("found").asBoolean(false)) {
            return Optional.empty();
        }
        JsonNode shopFile = docs.path(1);
        return Optional.of(new HeldShop(shop, shopFile.path("found").asBoolean(false)
                ? shopFile.path("_source").path(ClusterFileHome.TEXT).asText("").getBytes(StandardCharsets.UTF_8) : null));
    }

    /**
     * Makes a shop's files index: its shop file and the content files of {@code copyOf} as the cluster holds them, marked
     * whole in the last request, so no server lists the shop before all of it is written. Two servers creating one name
     * at once: one makes it, the other gets false.
     */
    @Override
    public boolean create(String shop, byte[] shopFile, String copyOf) {
        String index = indexOf(shop);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("shopkb-new-shop-");
            if (copyOf != null) {
                if (shop(copyOf).isEmpty()) {
                    throw new UnknownShopException(new ShopName(copyOf)); // the default shop, before any server opened it
                }
                new ClusterFileHome(client, indexOf(copyOf), scratch).pull();
            }
            Files.write(scratch.resolve(SHOP_FILE), shopFile);
            var seeds = new ArrayList<>(seedsUnder(scratch.resolve(CONTENT), CONTENT));
            seeds.add(new Seed(scratch.resolve(SHOP_FILE), SHOP_FILE));
            if (!createUnlessHeld(index)) {
                return false;
            }
            try {
                seed(index, seeds);
            } catch (RuntimeException e) {
                ClusterClient.Response deleted = client.delete("/" + index);
                if (!deleted.ok()) {
                    e.addSuppressed(new IllegalStateException("the half-written " + index + " was not deleted: " + deleted));
                }
                throw e;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gather the files of new shop '" + shop + "'", e);
        } finally {
            deleteScratch(scratch);
        }
    }

    /**
     * Creates a new shop's files index; false when a whole shop holds it. While the index exists unmarked (another server
     * is writing a new shop's files, or removing one), waits up to {@link #SEED_WAIT} for it to be marked or deleted.
     */
    private boolean createUnlessHeld(String index) {
        long deadline = System.nanoTime() + SEED_WAIT.toNanos();
        while (!createIndex(index)) {
            if (seeded(index)) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(index + " exists without a whole shop in it for " + SEED_WAIT.toSeconds()
                        + " s (a server stopped while creating the shop?); delete that index, then create the shop again");
            }
            pause(index);
        }
        return true;
    }

    /**
     * Takes the shop out of the listing (servers serving it close it within a second), blocks writes to its files and its
     * usage log, writes them all into {@code keep} (the usage log's events as {@value #KEPT_USAGE}), then deletes both
     * indexes. A failure before the deletion puts the shop back in service.
     *
     * @throws UnknownShopException when the cluster holds no whole shop of that name (another server removed it)
     */
    @Override
    public void drop(String shop, ShopFolders keep) {
        String index = indexOf(shop);
        String usage = usageIndexOf(shop);
        ClusterClient.Response marker = client.throughFailover("reading " + index, () -> client.get("/" + index + "/_doc/" + SEEDED),
                answer -> true);
        ClusterClient.Response unlisted = marker.ok() ? client.throughFailover("unlisting " + index,
                () -> client.delete("/" + index + "/_doc/" + SEEDED + "?refresh=true"), answer -> true) : marker;
        if (unlisted.status() == 404) {
            throw new UnknownShopException(new ShopName(shop));
        }
        require(unlisted, "take " + index + " out of the listing");
        long listedUntil = System.nanoTime();
        // Checked once the shop is out of the listing: no server opens it (and so creates its usage log) after that.
        boolean logged = client.throughFailover("reading " + usage, () -> client.get("/" + usage), answer -> true).ok();
        List<String> indexes = logged ? List.of(index, usage) : List.of(index);
        try {
            for (String blocked : indexes) {
                require(client.put("/" + blocked + "/_settings", blockWrites(true)), "block writes to " + blocked);
            }
            Path scratch = scratchBeside(keep.data());
            try {
                keepFiles(index, scratch, keep);
            } finally {
                deleteScratch(scratch);
            }
            if (logged) {
                keepUsage(usage, keep.data().resolve(KEPT_USAGE));
            }
            long waitNanos = OTHERS_CLOSE.toNanos() - (System.nanoTime() - listedUntil);
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            var failure = new IllegalStateException("shop '" + shop + "' was not removed; it is served again: " + e.getMessage(), e);
            try {
                for (String blocked : indexes) {
                    require(client.put("/" + blocked + "/_settings", blockWrites(false)), "unblock writes to " + blocked);
                }
                require(client.put("/" + index + "/_doc/" + SEEDED + "?refresh=true", (ObjectNode) marker.body().path("_source")),
                        "list " + index + " again");
            } catch (RuntimeException restoring) {
                failure.addSuppressed(restoring);
            }
            throw failure;
        }
        for (String kept : indexes) {
            require(client.delete("/" + kept), "delete " + kept + " (what it held is kept in " + keep.data() + ")");
        }
    }

    /**
     * Writes every event of a shop's usage log index, in the order logged, one JSON object a line (as the index holds
     * it), into {@code file}, forced to disk.
     */
    private void keepUsage(String index, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new ChangeFeed(client, index, null).forEachPage(true, hits -> {
                var lines = new StringBuilder();
                hits.forEach(hit -> lines.append(hit.path("_source")).append('\n'));
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                try {
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            });
            out.force(true);
        }
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    private static ObjectNode blockWrites(boolean blocked) {
        ObjectNode settings = ClusterClient.JSON.createObjectNode();
        if (blocked) {
            settings.put("index.blocks.write", true);
        } else {
            settings.putNull("index.blocks.write");
        }
        return settings;
    }

    private static void require(ClusterClient.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException("the cluster did not " + what + ": " + response.status() + " " + response.body());
        }
    }

    /**
     * Moves a shop's files out of the cluster into its own folders (replacing the content files there, adding the
     * history, the agents' own phrasings and the shop file), then deletes its files from the cluster. Servers over the
     * cluster must not serve the shop meanwhile.
     *
     * @return how many files were written
     */
    public int moveOut(String shop, ShopFolders own) throws IOException {
        Path scratch = scratchBeside(own.data());
        try {
            if (!holds(shop)) {
                throw new IllegalStateException("the cluster does not hold shop '" + shop + "' (" + indexOf(shop) + ")");
            }
            int written = keepFiles(indexOf(shop), scratch, own);
            ClusterClient.Response deleted = client.delete("/" + indexOf(shop));
            if (!deleted.ok()) {
                throw new IllegalStateException("the files were copied, but " + indexOf(shop) + " was not deleted: " + deleted);
            }
            return written;
        } finally {
            Folders.delete(scratch);
        }
    }

    /** A throw-away folder on the file system of {@code data} (a dot-folder: nobody's content). */
    private static Path scratchBeside(Path data) throws IOException {
        Path parent = data.toAbsolutePath().getParent() == null ? Path.of(".") : data.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".shopkb-move-");
    }

    private static void deleteScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try {
            Folders.delete(scratch);
        } catch (IOException e) {
            LOG.warn("could not delete the throw-away folder {}: {}", scratch, e.toString());
        }
    }

    /**
     * Writes every file of a files index into a shop's folders, durably: the content files replace those of {@code
     * own.content()}; the others (history, the shop file) are written under {@code own.data()}, joining what is there.
     *
     * @param scratch an empty folder to pull the files into first
     * @return how many files the index holds
     */
    private int keepFiles(String index, Path scratch, ShopFolders own) throws IOException {
        new ClusterFileHome(client, index, scratch).pull();
        int written = replaceFolder(scratch.resolve(CONTENT), own.content(), true);
        for (Path file : filesUnder(scratch)) {
            if (!file.startsWith(scratch.resolve(CONTENT))) {
                writeIfChanged(file, own.data().resolve(scratch.relativize(file).toString()));
                written++;
            }
        }
        return written;
    }

    /** Creates the shop's files index; false when it exists. */
    private boolean createIndex(String index) {
        // A copy on every node of a small cluster (up to three): the files are few and every server reads them.
        return client.createOneShardIndex(index, "0-2", properties -> {
            properties.putObject(ClusterFileHome.PATH).put("type", "keyword");
            properties.putObject(ClusterFileHome.DELETED).put("type", "boolean");
            properties.putObject(ClusterFileHome.TEXT).put("type", "text").put("index", false);
        });
    }

    /** Writes a new home's first files, then marks it seeded. */
    private int seed(String index, List<Seed> seeds) {
        var bulk = new StringBuilder();
        for (Seed seed : seeds) {
            // create, not index: a server seeding at the same time wrote the same file already
            ObjectNode action = ClusterClient.JSON.createObjectNode();
            action.putObject("create").put("_id", seed.path());
            bulk.append(action).append('\n').append(ClusterFileHome.document(seed.path(), AtomicFiles.readIfExists(seed.file())))
                    .append('\n');
            if (bulk.length() > SEED_BULK_BYTES) {
                sendSeed(index, bulk);
            }
        }
        ObjectNode action = ClusterClient.JSON.createObjectNode();
        action.putObject("index").put("_id", SEEDED);
        bulk.append(action).append('\n').append(ClusterClient.JSON.createObjectNode().put("files", seeds.size())).append('\n');
        sendSeed(index, bulk);
        LOG.info("{}: its first {} files written", index, seeds.size());
        return seeds.size();
    }

    private void sendSeed(String index, StringBuilder bulk) {
        String ndjson = bulk.toString();
        bulk.setLength(0);
        ClusterClient.Response response = client.throughFailover("writing the first files of " + index,
                () -> client.bulk("/" + index + "/_bulk?refresh=true", ndjson), answer -> true);
        if (!response.ok()) {
            throw new IllegalStateException("cannot write the first files of " + index + ": " + response);
        }
        for (JsonNode item : response.body().path("items")) {
            JsonNode result = item.elements().next();
            if (result.has("error") && result.path("status").asInt() != 409) {
                throw new IllegalStateException("the cluster refused a first file of " + index + ": " + result.path("error"));
            }
        }
    }

    /**
     * Waits while another server writes a new home's first files; when it does not finish (it died), writes them from
     * this server's own folders (files already there are kept).
     */
    private void awaitSeeded(String index, Supplier<List<Seed>> seeds) {
        long deadline = System.nanoTime() + SEED_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (seeded(index)) {
                return;
            }
            pause(index);
        }
        LOG.warn("{} was created but never marked complete within {} s; writing its files from this server's", index,
                SEED_WAIT.toSeconds());
        seed(index, seeds.get());
    }

    /** Whether the index is marked whole. */
    private boolean seeded(String index) {
        return client.throughFailover("reading " + index, () -> client.get("/" + index + "/_doc/" + SEEDED), answer -> true).ok();
    }

    private static void pause(String index) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + index + " to be written", e);
        }
    }

    private static List<Path> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            // Dot-files (a crash's temporary file, an editor's swap file) are nobody's content.
            return walk.filter(Files::isRegularFile)
                    .filter(file -> java.util.stream.StreamSupport.stream(folder.relativize(file).spliterator(), false)
                            .noneMatch(part -> part.toString().startsWith(".")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /**
     * Makes {@code target} hold exactly the files of {@code source} (durably written); with {@code removeOthers}, files
     * of {@code target} the source lacks are deleted (dot-files and folders the source never has are left alone).
     */
    private static int replaceFolder(Path source, Path target, boolean removeOthers) throws IOException {
        var wanted = new ArrayList<String>();
        for (Path file : filesUnder(source)) {
            String relative = source.relativize(file).toString();
            wanted.add(relative);
            writeIfChanged(file, target.resolve(relative));
        }
        if (removeOthers) {
            for (Path file : filesUnder(target)) {
                if (!wanted.contains(target.relativize(file).toString())) {
                    AtomicFiles.delete(file);
                }
            }
        }
        return wanted.size();
    }

    /** Makes {@code to} hold the bytes of {@code from}, durably; nothing is written when it does already. */
    private static void writeIfChanged(Path from, Path to) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        if (!java.util.Arrays.equals(bytes, AtomicFiles.readIfExists(to))) {
            AtomicFiles.write(to, bytes);
        }
    }
}
