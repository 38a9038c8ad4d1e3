package shopkb.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The local folder as the files' home (see {@link FileHome#LOCAL}). */
final class LocalFileHome implements FileHome {

    @Override
    public byte[] fresh(Path file) {
        return AtomicFiles.readIfExists(file);
    }

    @Override
    public void write(Path file, byte[] expected, byte[] bytes) {
        try {
            if (bytes == null) {
                AtomicFiles.delete(file);
            } else {
                AtomicFiles.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void append(Path file, Function<byte[], String> lineAfter) {
        try {
            AtomicFiles.appendLine(file, lineAfter.apply(AtomicFiles.readIfExists(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    @Override
    public List<Path> pull() {
        return List.of();
    }
}
