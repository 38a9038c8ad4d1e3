package shopkb.semantic;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ONNX Runtime's native libraries in one folder per user and version, written once, and points ONNX Runtime at
 * it before it loads. Left to itself, ONNX Runtime copies its 22 MB of libraries into a new temporary folder on every
 * start and only marks them for deletion at a normal exit: a server killed, crashed or stopped by the system left them
 * behind each time, and the temporary folder (often memory) filled up.
 */
final class NativeLibraryCache {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);
    /** ONNX Runtime's own name for the folder it loads its libraries from instead of extracting them. */
    static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
    private static final String PARTIAL = ".partial";
    /** Far longer than writing 22 MB takes. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private NativeLibraryCache() {
    }

    /**
     * Points ONNX Runtime at the libraries in the user's cache folder, writing them there first if they are not there
     * yet. Does nothing when the property is already set (by an operator) or this platform's libraries are not in the
     * ONNX Runtime jar; when the cache folder cannot be written, ONNX Runtime extracts as it would without this.
     */
    static synchronized void useCacheFolder() {
        if (System.getProperty(NATIVE_PATH_PROPERTY) != null) {
            return;
        }
        Path cache = defaultFolder();
        if (!cache.isAbsolute()) {
            // No home folder (a user without one reads "?" as user.home): not a folder relative to wherever this runs.
            LOG.warn("no cache folder for ONNX Runtime's libraries ({}); it extracts them to the temporary folder", cache);
            return;
        }
        try {
            install(cache).ifPresent(folder -> System.setProperty(NATIVE_PATH_PROPERTY, folder.toString()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ONNX Runtime's libraries could not be kept in the cache folder {}; it extracts them to the "
                    + "temporary folder on each start instead", cache, e);
        }
    }

    /**
     * Writes this platform's ONNX Runtime libraries into a folder of {@code cacheRoot} named by the runtime's version
     * and platform, unless they are there already.
     *
     * @return that folder, or empty when the ONNX Runtime jar has no libraries for this platform
     */
    static Optional<Path> install(Path cacheRoot) throws IOException {
        String platform = platform();
        if (platform == null || OrtEnvironment.class.getResource(resource(platform, LIBRARIES.getFirst())) == null) {
            return Optional.empty();
        }
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        Path folder = cacheRoot.resolve("onnxruntime-" + (version == null ? "unknown" : version) + "-" + platform);
        Files.createDirectories(folder);
        removeAbandonedPartials(folder);
        for (String library : LIBRARIES) {
            Path target = folder.resolve(System.mapLibraryName(library));
            // Written under a temporary name and moved into place, so a file with the final name is always whole.
            if (!Files.exists(target)) {
                write(resource(platform, library), target);
            }
        }
        return Optional.of(folder);
    }

    /** A process killed while writing a library leaves its partial file: removed once no writer can still be at it. */
    private static void removeAbandonedPartials(Path folder) throws IOException {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL)).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void write(String resource, Path target) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), PARTIAL);
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not in the ONNX Runtime jar: " + resource);
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Where the ONNX Runtime jar keeps {@code library} for {@code platform}. */
    private static String resource(String platform, String library) {
        return "/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library);
    }

    /** The platform folder's name in the ONNX Runtime jar, as ONNX Runtime itself names it, or null. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows")
                ? "win" : null;
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return osName == null || archName == null ? null : osName + "-" + archName;
    }

    /** {@code $XDG_CACHE_HOME/shopkb}, or {@code ~/.cache/shopkb}: the user's own, so no one else can plant a library. */
    static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("shopkb");
    }
}
