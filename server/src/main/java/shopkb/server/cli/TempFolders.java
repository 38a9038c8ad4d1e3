package shopkb.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throw-away folders the quality and benchmark commands (and the tests) fill with content and indexes. */
public final class TempFolders {

    private TempFolders() {
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

    public static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
