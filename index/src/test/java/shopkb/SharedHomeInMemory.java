package shopkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shopkb.editing.FileHome;
import shopkb.editing.StaleCopyException;

/**
 * A home several servers share, in memory, with what the cluster's home promises (see {@code ClusterFileHome}): every
 * write numbered, a write refused when the file changed since this server's copy was taken, a pull bringing in the
 * files changed since. Each {@link #mirror} is one server's local folder. A test may slip another server's write in
 * just before a server's next write ({@link Mirror#beforeNextWrite}), the race a real cluster makes rare.
 */
public final class SharedHomeInMemory {

    /** A file as the home holds it: null bytes once deleted; the number of its last write. */
    private record Stored(byte[] bytes, long number) {
    }

    private final Map<String, Stored> files = new HashMap<>();
    private long writes;

    /** One server's view of the home, mirrored in {@code root}. */
    public Mirror mirror(Path root) {
        return new Mirror(root);
    }

    public final class Mirror implements FileHome {

        private final Path root;
        /** The number of each file's write this mirror holds. */
        private final Map<String, Long> numbers = new HashMap<>();
        private Runnable beforeNextWrite;

        private Mirror(Path root) {
            this.root = root;
        }

        /** Runs {@code race} just before this server's next write reaches the home. */
        public void beforeNextWrite(Runnable race) {
            this.beforeNextWrite = race;
        }

        @Override
        public byte[] fresh(Path file) {
            synchronized (SharedHomeInMemory.this) {
                String path = relative(file);
                Stored stored = files.get(path);
                mirror(path, stored);
                return stored == null ? null : stored.bytes();
            }
        }

        @Override
        public void write(Path file, byte[] expected, byte[] bytes) {
            Runnable race = beforeNextWrite;
            beforeNextWrite = null;
            if (race != null) {
                race.run();
            }
            synchronized (SharedHomeInMemory.this) {
                String path = relative(file);
                Stored stored = files.get(path);
                Long held = numbers.get(path);
                if (!java.util.Arrays.equals(shopkb.editing.AtomicFiles.readIfExists(file), expected)) {
                    throw new StaleCopyException(file); // this mirror took in a newer write since the caller read it
                }
                if (!Objects.equals(held, stored == null ? null : stored.number())) {
                    mirror(path, stored);
                    throw new StaleCopyException(file);
                }
                var written = new Stored(bytes, ++writes);
                files.put(path, written);
                mirror(path, written);
            }
        }

        @Override
        public List<Path> pull() {
            synchronized (SharedHomeInMemory.this) {
                var changed = new ArrayList<Path>();
                files.forEach((path, stored) -> {
                    Long held = numbers.get(path);
                    if (held == null || held < stored.number()) {
                        mirror(path, stored);
                        changed.add(root.resolve(path));
                    }
                });
                return changed;
            }
        }

        private void mirror(String path, Stored stored) {
            Path file = root.resolve(path);
            try {
                if (stored == null || stored.bytes() == null) {
                    Files.deleteIfExists(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.write(file, stored.bytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (stored == null) {
                numbers.remove(path);
            } else {
                numbers.put(path, stored.number());
            }
        }

        private String relative(Path file) {
            return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        }
    }
}
