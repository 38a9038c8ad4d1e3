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

    private final Path root;
    private final List<String> folders;
    private final Map<String, Seen> seen = new HashMap<>();

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

    /** Relative paths added, changed or removed since the last call. */
    public synchronized List<String> changes() {
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
                return List.of(); // the folder is being replaced; look again on the next tick
            }
        }
        var changed = new ArrayList<String>();
        now.forEach((path, state) -> {
            if (!state.equals(seen.get(path))) {
                changed.add(path);
            }
        });
        seen.keySet().stream().filter(path -> !now.containsKey(path)).forEach(changed::add);
        seen.clear();
        seen.putAll(now);
        return changed;
    }

    /** Records the current state of a file the server itself just wrote or deleted. */
    public synchronized void acknowledge(String relativePath) {
        Path file = root.resolve(relativePath);
        try {
            if (Files.exists(file)) {
                seen.put(relativePath, new Seen(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
            } else {
                seen.remove(relativePath);
            }
        } catch (IOException e) {
            seen.remove(relativePath);
        }
    }
}
