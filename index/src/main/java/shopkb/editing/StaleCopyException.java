package shopkb.editing;

import java.nio.file.Path;

/**
 * A write refused by a file's shared home: another server changed the file since this server's copy was taken. The
 * editor turns it into the conflict its caller understands (a version conflict, an entry that exists).
 */
public final class StaleCopyException extends RuntimeException {

    private final Path file;

    public StaleCopyException(Path file) {
        super(file + " was changed by another server since this server read it");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
