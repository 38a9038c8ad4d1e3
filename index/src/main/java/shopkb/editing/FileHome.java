package shopkb.editing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

    /** Attempts of a rewrite racing other servers' writes to the same file. */
    int REWRITE_ATTEMPTS = 20;

    /**
     * Rewrites the file from what its home holds now: {@code change} is given the current bytes (null when absent) and
     * returns the new ones (null: delete); when another server wrote the file meanwhile, it is given theirs and decides
     * again, up to {@link #REWRITE_ATTEMPTS} times.
     *
     * @throws StaleCopyException when other servers' writes won every attempt
     */
    default void rewrite(Path file, UnaryOperator<byte[]> change) {
        for (int attempt = 1; ; attempt++) {
            byte[] current = fresh(file);
            try {
                write(file, current, change.apply(current));
                return;
            } catch (StaleCopyException raced) {
                if (attempt == REWRITE_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Appends one line, computed from the file's current bytes (null when absent), e.g. a history record numbered after
     * the last one: a rewrite, so a line racing another server's append is numbered after theirs.
     */
    default void append(Path file, Function<byte[], String> lineAfter) {
        rewrite(file, current -> {
            byte[] line = (lineAfter.apply(current) + "\n").getBytes(StandardCharsets.UTF_8);
            if (current == null) {
                return line;
            }
            byte[] next = Arrays.copyOf(current, current.length + line.length);
            System.arraycopy(line, 0, next, current.length, line.length);
            return next;
        });
    }

    /**
     * Takes in what other servers wrote since the last call.
     *
     * @return the local files that changed
     */
    List<Path> pull();
}
