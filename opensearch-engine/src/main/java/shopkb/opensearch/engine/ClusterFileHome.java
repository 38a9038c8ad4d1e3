package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shopkb.editing.FileHome;
import shopkb.editing.StaleCopyException;
import shopkb.indexing.EngineUnavailableException;

/**
 * One shop's content and history files kept in a cluster index every server shares, mirrored in a local folder. Each
 * file is one document (its path relative to the mirror, its text; a deleted file stays as a tombstone so a new file of
 * the same name is a change after it). A write is conditional on the document's sequence number as this server last
 * saw it ({@code if_seq_no}), so of two servers writing over the same version one wins and the other learns it is
 * stale. The index has one shard, whose sequence numbers order every change: {@link #pull} asks for those after the last
 * one seen. A write is acknowledged by the cluster once its primary and replicas have it in their translogs, forced to
 * disk (the cluster's default durability), and the index keeps a copy on up to three nodes.
 */
final class ClusterFileHome implements FileHome {

    /** A document's version: the write it last had. */
    private record Version(long seqNo, long primaryTerm) {

        /**
         * Whether this write came after {@code other}: a higher sequence number, or the same one under a newer primary
         * (one a failed primary had given to a write the new primary never had, and which was rolled back).
         */
        boolean after(Version other) {
            return seqNo > other.seqNo || seqNo == other.seqNo && primaryTerm > other.primaryTerm;
        }
    }

    /** A document as the cluster holds it: bytes null for a tombstone; the write that put it there. */
    private record Stored(String path, byte[] bytes, Version version, String write) {
    }

    static final String PATH = "path";
    /** Names each write, so a write asked again after its answer was lost recognises itself. */
    static final String WRITE = "write";
    static final String TEXT = "text";
    static final String DELETED = "deleted";

    private final ClusterClient client;
    private final String index;
    private final Path root;
    /** The version of each file the mirror holds (a tombstone's too); guarded by this. */
    private final Map<String, Version> versions = new HashMap<>();
    /** The writes not yet taken in; guarded by this. */
    private final ChangeFeed changes;

    ClusterFileHome(ClusterClient client, String index, Path root) {
        this.client = client;
        this.index = index;
        this.root = root;
        this.changes = new ChangeFeed(client, index, null);
    }

    String index() {
        return index;
    }

    @Override
    public synchronized byte[] fresh(Path file) {
        String path = relative(file);
        Stored stored = get(path);
        mirror(path, stored);
        return stored == null ? null : stored.bytes();
    }

    @Override
    public synchronized void write(Path file, byte[] expectedBytes, byte[] bytes) {
        String path = relative(file);
        byte[] local = readLocal(path);
        if (!Arrays.equals(local, expectedBytes)) {
            throw new StaleCopyException(file); // a pull brought another server's write since the caller read the file
        }
        Version expected = versions.get(path);
        String write = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 3; attempt++) {
            ClusterClient.Response response = put(path, bytes, expected, write);
            if (response.ok()) {
                versions.put(path, new Version(response.body().path("_seq_no").asLong(),
                        response.body().path("_primary_term").asLong()));
                writeLocal(path, bytes);
                return;
            }
            if (response.status() == 403
                    && response.body().path("error").path("type").asText().equals("cluster_block_exception")) {
                // The shop is being removed (its index blocked for writes), or the cluster is read-only: not the
                // caller's fault, and not for long.
                throw new EngineUnavailableException(path + " cannot be written now: " + index + " takes no writes ("
                        + response.body().path("error").path("reason").asText() + ")");
            }
            if (response.status() != 409) {
                throw new IllegalStateException("the cluster refused to write " + path + " to " + index + ": "
                        + response.status() + " " + response.body());
            }
            Stored now = get(path);
            if (now != null && write.equals(now.write())) {
                mirror(path, now); // an earlier attempt of ours landed before its answer was lost
                return;
            }
            if (!Arrays.equals(bytesOf(now), local)) {
                mirror(path, now);
                throw new StaleCopyException(file);
            }
            expected = now == null ? null : now.version(); // the same text under another version (a tombstone)
        }
        throw new StaleCopyException(file);
    }

    @Override
    public synchronized List<Path> pull() {
        var changed = new ArrayList<Path>();
        for (JsonNode hit : changes.next()) {
            Stored stored = stored(hit);
            if (stored == null) {
                continue; // not a file (the seeding mark)
            }
            Version known = versions.get(stored.path());
            if (known == null || stored.version().after(known)) {
                mirror(stored.path(), stored);
                changed.add(root.resolve(stored.path()));
            }
        }
        return changed;
    }

    /** Empties the local mirror of {@code folders} and forgets every version, so the next pull takes in everything. */
    synchronized void clearMirror(List<String> folders) throws IOException {
        for (String folder : folders) {
            shopkb.editing.Folders.delete(root.resolve(folder));
        }
        versions.clear();
        changes.reset();
    }

    private Stored get(String path) {
        ClusterClient.Response response = client.throughFailover("reading " + path + " from " + index,
                () -> client.get("/" + index + "/_doc/" + urlId(path)), answer -> true);
        if (response.status() == 404) {
            return null;
        }
        if (!response.ok()) {
            throw new IllegalStateException("cannot read " + path + " from " + index + ": " + response.status() + " "
                    + response.body());
        }
        return stored(response.body());
    }

    private ClusterClient.Response put(String path, byte[] bytes, Version expected, String write) {
        ObjectNode source = document(path, bytes).put(WRITE, write);
        String target = expected == null
                ? "/" + index + "/_create/" + urlId(path) + "?refresh=true"
                : "/" + index + "/_doc/" + urlId(path) + "?refresh=true&if_seq_no=" + expected.seqNo() + "&if_primary_term="
                        + expected.primaryTerm();
        return client.throughFailover("writing " + path + " to " + index, () -> client.put(target, source), answer -> true);
    }

    static ObjectNode document(String path, byte[] bytes) {
        ObjectNode source = ClusterClient.JSON.createObjectNode().put(PATH, path).put(DELETED, bytes == null);
        if (bytes != null) {
            source.put(TEXT, new String(bytes, StandardCharsets.UTF_8));
        }
        return source;
    }

    /** A document's id in a URL: its path (the id itself, as a bulk request names it), encoded as one path segment. */
    private static String urlId(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The file a search hit or a get answer holds, or null when it is not a file. */
    private static Stored stored(JsonNode hit) {
        JsonNode source = hit.path("_source");
        if (!source.hasNonNull(PATH)) {
            return null;
        }
        byte[] bytes = source.path(DELETED).asBoolean(false) ? null : source.path(TEXT).asText("").getBytes(StandardCharsets.UTF_8);
        return new Stored(source.path(PATH).asText(), bytes,
                new Version(hit.path("_seq_no").asLong(), hit.path("_primary_term").asLong()), source.path(WRITE).asText(null));
    }

    /** Makes the local copy the cluster's: the file (none for a tombstone or a missing document) and its version. */
    private void mirror(String path, Stored stored) {
        if (stored == null) {
            versions.remove(path);
        } else {
            versions.put(path, stored.version());
        }
        writeLocal(path, bytesOf(stored));
    }

    private static byte[] bytesOf(Stored stored) {
        return stored == null ? null : stored.bytes();
    }

    private String relative(Path file) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new IllegalArgumentException(file + " is not under the mirror " + root);
        }
        return relative.toString().replace(java.io.File.separatorChar, '/');
    }

    private byte[] readLocal(String path) {
        return shopkb.editing.AtomicFiles.readIfExists(root.resolve(path));
    }

    /**
     * Replaces the local copy atomically (a reader sees the old file or the new), without forcing it to disk: the
     * cluster is the durable copy, and a mirror lost in a crash is pulled again whole at the next start.
     */
    private void writeLocal(String path, byte[] bytes) {
        Path file = root.resolve(path);
        try {
            if (bytes == null) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mirror " + path + " in " + root, e);
        }
    }
}
