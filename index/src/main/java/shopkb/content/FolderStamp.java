package shopkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names, sizes and modification times of the files in some folders: cheap to compute every second, and
 * different whenever a file was added, removed or rewritten.
 */
public final class FolderStamp {

    private FolderStamp() {
    }

    public static String of(Path root, List<String> folders) {
        var stamp = new StringBuilder();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    stamp.append(folder).append('/').append(file.getFileName()).append(':')
                            .append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file).toMillis()).append(';');
                }
            } catch (IOException e) {
                stamp.append(folder).append(":unreadable;"); // a file vanished mid-listing: the next tick sees the rest
            }
        }
        return Integer.toHexString(stamp.toString().hashCode()) + ":" + stamp.length();
    }

    /** The content folders: intents and one per entry type. */
    public static List<String> contentFolders() {
        return Stream.concat(Stream.of(ContentFormat.INTENTS_FOLDER),
                Stream.of(EntryType.values()).map(EntryType::folder)).toList();
    }
}
