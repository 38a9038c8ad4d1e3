package shopkb.editing;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Where the files an editor changes are kept. Either the local folder is their home ({@link #LOCAL}: each write is
 * forced to disk before it returns), or the home is elsewhere (a cluster every server shares) and the local folder is
 * this server's mirror of it: reads for a decision go to the home, and a write succeeds only when the home still holds
 * what the mirror held, so two servers never silently overwrite each other.
 */
public interface FileHome {

    /** The local folder is the home: writes are {@link AtomicFiles}' durable writes; nothing is ever stale. */
    FileHome LOCAL = new LocalFileHome();

    /**
     * The file as its home holds it now (null when absent); the local copy is brought up to date first.
     */
    byte[] fresh(Path file);

    /**
     * Writes the file (deletes it for {@code bytes == null}) at its home, then locally, provided it is still what the
     * caller decided on: {@code expected}, the bytes it read (null: absent). A shared home refuses when the file is no
     * longer that, whether another server's write reached this server's mirror since the caller read it, or only the
     * home; the local folder as the home has no other writer and takes the caller's word.
     *
     * @throws StaleCopyException when the file changed since the caller read it; the local copy is then the home's
     */
    void write(Path file, byte[] expected, byte[] bytes);

    /** Attempts of an append racing other servers' appends to the same file. */
    int APPEND_ATTEMPTS = 20;

    /**
     * Appends one line, computed from the file's current bytes (null when absent), e.g. a history record numbered after
     * the last one. A shared home reads the file, writes it with the line, and does both again when another server
     * appended meanwhile (the line then numbered after theirs).
     */
    default void append(Path file, Function<byte[], String> lineAfter) {
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            byte[] current = fresh(file);
            byte[] line = (lineAfter.apply(current) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] next = current == null ? line : java.util.Arrays.copyOf(current, current.length + line.length);
            if (current != null) {
                System.arraycopy(line, 0, next, current.length, line.length);
            }
            try {
                write(file, current, next);
                return;
            } catch (StaleCopyException raced) {
                // another server appended meanwhile
            }
        }
        throw new StaleCopyException(file);
    }

    /**
     * Takes in what other servers wrote since the last call.
     *
     * @return the local files that changed
     */
    List<Path> pull();
}
