package shopkb.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which files in some folders changed since the last look, by size and modification time. Polling
 * works the same on every file system and for folders created later; the server's own writes are
 * acknowledged, so only changes made by others (a git pull, a text editor) come back.
 */
public final class FolderWatcher {

    private record Seen(long size, long modified) {
    }

    /** State acknowledged for a file the server deleted. */
    private static final Seen GONE = new Seen(-1, -1);

    private final Path root;
    private final List<String> folders;
    private Map<String, Seen> seen = new HashMap<>();
    private final Map<String, Seen> acknowledgedDuringScan = new HashMap<>();
    private boolean scanning;
    private final Object scanLock = new Object();

    public FolderWatcher(Path root, List<String> folders) {
        this.root = root;
        this.folders = List.copyOf(folders);
        changes();
    }

    /** The content folders: intents and one per entry type. */
    public static List<String> contentFolders() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ContentFormat.INTENTS_FOLDER),
                java.util.stream.Stream.of(EntryType.values()).map(EntryType::folder)).toList();
    }

    /**
     * Relative paths added, changed or removed since the last call. The folders are listed without holding the
     * lock (a listing of 100,000 files takes a third of a second), so the server's own writes are never kept
     * waiting; what they acknowledge meanwhile wins over the listing.
     */
    public List<String> changes() {
        synchronized (scanLock) {
            return changesSinceLastScan();
        }
    }

    private List<String> changesSinceLastScan() {
        synchronized (this) {
            acknowledgedDuringScan.clear();
            scanning = true;
        }
        Map<String, Seen> now = scan();
        synchronized (this) {
            scanning = false;
            if (now == null) {
                return List.of();
            }
            acknowledgedDuringScan.forEach((path, state) -> {
                if (state == GONE) {
                    now.remove(path);
                } else {
                    now.put(path, state);
                }
            });
            var changed = new ArrayList<String>();
            now.forEach((path, state) -> {
                if (!state.equals(seen.get(path))) {
                    changed.add(path);
                }
            });
            seen.keySet().stream().filter(path -> !now.containsKey(path)).forEach(changed::add);
            seen = now;
            return changed;
        }
    }

    /** The current state of every file, or null when a folder could not be listed. */
    private Map<String, Seen> scan() {
        var now = new HashMap<String, Seen>();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        if (attributes.isRegularFile()) {
                            now.put(folder + "/" + file.getFileName(), new Seen(attributes.size(), attributes.lastModifiedTime().toMillis()));
                        }
                    } catch (IOException e) {
                        // removed while listing: seen as removed now, or as back on the next look
                    }
                }
            } catch (IOException e) {
                return null; // the folder is being replaced; look again on the next tick
            }
        }
        return now;
    }

    /** Records the current state of a file the server itself just wrote or deleted. */
    public synchronized void acknowledge(String relativePath) {
        Path file = root.resolve(relativePath);
        Seen state;
        try {
            state = Files.exists(file) ? new Seen(Files.size(file), Files.getLastModifiedTime(file).toMillis()) : GONE;
        } catch (IOException e) {
            state = GONE;
        }
        if (state == GONE) {
            seen.remove(relativePath);
        } else {
            seen.put(relativePath, state);
        }
        if (scanning) {
            acknowledgedDuringScan.put(relativePath, state);
        }
    }
}
