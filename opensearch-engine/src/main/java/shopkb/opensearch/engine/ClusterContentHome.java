package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shopkb.ContentHome;
import shopkb.ShopFolders;
import shopkb.editing.AtomicFiles;
import shopkb.editing.FileHome;
import shopkb.usage.UsageHome;

/**
 * Shops' content and change history kept in the cluster, so that any number of servers serve and edit the same shops and
 * none of them holds anything the others need: each shop's files are one index, {@code shopkb-files.<shop>} (see {@link
 * ClusterFileHome}), which each server mirrors under the shop's data folder ({@code cluster-mirror/}). The first server
 * to open a shop the cluster does not have yet starts its home from the shop's own folders (the YAML files, the history
 * and the agents' own phrasings there); {@link #moveIn} and {@link #moveOut} move a shop between a data folder and the
 * cluster on purpose.
 */
public final class ClusterContentHome implements ContentHome {

    /** The mirror under a shop's data folder, and its two parts (named as a shop's own folders name them). */
    public static final String MIRROR = "cluster-mirror";
    static final String CONTENT = "content";
    static final String HISTORY = ShopFolders.HISTORY;
    /** The document marking a home whose first files are all written. */
    private static final String SEEDED = "_shopkb_seeded";
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
        return ClusterUsageHome.open(client, prefix + "usage." + shop);
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

    /** A shop's content, history and own-phrasing files, as its home names them. */
    private static List<Seed> seedsOf(ShopFolders own) {
        var seeds = new ArrayList<Seed>();
        for (var folder : List.of(new Folder(own.content(), CONTENT), new Folder(own.history(), HISTORY),
                new Folder(own.personal(), ShopFolders.PERSONAL))) {
            for (Path file : filesUnder(folder.local())) {
                seeds.add(new Seed(file, folder.name() + "/"
                        + folder.local().relativize(file).toString().replace(java.io.File.separatorChar, '/')));
            }
        }
        return seeds;
    }

    /**
     * Moves a shop's files out of the cluster into its own folders (replacing the content files there, adding the
     * history and the agents' own phrasings), then deletes its files from the cluster. Servers over the cluster must not
     * serve the shop meanwhile.
     *
     * @return how many files were written
     */
    public int moveOut(String shop, ShopFolders own) throws IOException {
        Path scratch = Files.createTempDirectory(own.data().toAbsolutePath().getParent() == null
                ? Path.of(".") : own.data().toAbsolutePath().getParent(), ".shopkb-move-");
        try {
            var files = new ClusterFileHome(client, indexOf(shop), scratch);
            if (!holds(shop)) {
                throw new IllegalStateException("the cluster does not hold shop '" + shop + "' (" + indexOf(shop) + ")");
            }
            files.pull();
            int written = 0;
            written += replaceFolder(scratch.resolve(CONTENT), own.content(), true);
            written += replaceFolder(scratch.resolve(HISTORY), own.history(), false);
            written += replaceFolder(scratch.resolve(ShopFolders.PERSONAL), own.personal(), false);
            ClusterClient.Response deleted = client.delete("/" + indexOf(shop));
            if (!deleted.ok()) {
                throw new IllegalStateException("the files were copied, but " + indexOf(shop) + " was not deleted: " + deleted);
            }
            return written;
        } finally {
            shopkb.editing.Folders.delete(scratch);
        }
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
        LOG.info("{}: its first {} files written from this server's", index, seeds.size());
        return seeds.size();
    }

    private record Folder(Path local, String name) {
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
            ClusterClient.Response marker = client.throughFailover("reading " + index,
                    () -> client.get("/" + index + "/_doc/" + SEEDED), answer -> true);
            if (marker.ok()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + index + " to be written", e);
            }
        }
        LOG.warn("{} was created but never marked complete within {} s; writing its files from this server's", index,
                SEED_WAIT.toSeconds());
        seed(index, seeds.get());
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
            byte[] bytes = Files.readAllBytes(file);
            Path to = target.resolve(relative);
            if (!java.util.Arrays.equals(bytes, AtomicFiles.readIfExists(to))) {
                AtomicFiles.write(to, bytes);
            }
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
}
