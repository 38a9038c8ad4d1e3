package shopkb.editing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole folders: copied, forced to disk, moved in one step, deleted. A shop is created as a folder built aside, forced
 * and then renamed into place, so it exists whole or not at all; the commands and tests fill throw-away folders.
 */
public final class Folders {

    private Folders() {
    }

    /** Copies {@code from} and everything below it into {@code to}; nothing when {@code from} does not exist. */
    public static Path copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return to;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** Forces every file and folder under {@code dir} (and {@code dir}) to disk. */
    public static void force(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                AtomicFiles.forceFolder(path);
            } else {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }
        }
    }

    /** Renames {@code from} to {@code to} in one step (same file system) and forces the folder that now holds it. */
    public static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.forceFolder(to.toAbsolutePath().getParent());
        AtomicFiles.forceFolder(from.toAbsolutePath().getParent());
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
