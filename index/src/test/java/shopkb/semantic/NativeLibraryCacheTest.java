package shopkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {

    private static final String LIBRARY = System.mapLibraryName("onnxruntime");

    @Test
    void theLibrariesAreWrittenOnceIntoAFolderNamedByVersionAndPlatform(@TempDir Path cache) throws IOException {
        Path folder = NativeLibraryCache.install(cache).orElseThrow();
        assertTrue(folder.getFileName().toString().startsWith("onnxruntime-1."), folder.toString());
        Path library = folder.resolve(LIBRARY);
        Path jni = folder.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        assertTrue(Files.size(library) > 1_000_000, "the runtime itself, whole");
        assertTrue(Files.size(jni) > 10_000);

        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(library, written);
        assertEquals(folder, NativeLibraryCache.install(cache).orElseThrow());
        assertEquals(written, Files.getLastModifiedTime(library), "a second start reuses the file");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "no partial file left beside the libraries");
        }
    }

    @Test
    void aPartialFileLeftByAKilledWriterIsRemovedOnceAbandoned(@TempDir Path cache) throws IOException {
        Path folder = NativeLibraryCache.install(cache).orElseThrow();
        Path abandoned = Files.writeString(folder.resolve(LIBRARY + "123.partial"), "cut short");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path beingWritten = Files.writeString(folder.resolve(LIBRARY + "456.partial"), "another process, now");
        NativeLibraryCache.install(cache);
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(beingWritten));
    }

    @Test
    void theLoadedModelUsesTheCacheFolderInsteadOfANewTemporaryOne() throws IOException {
        SharedModel.get();
        Path folder = Path.of(System.getProperty(NativeLibraryCache.NATIVE_PATH_PROPERTY));
        assertEquals(NativeLibraryCache.defaultFolder(), folder.getParent());
        assertTrue(Files.size(folder.resolve(LIBRARY)) > 1_000_000);
    }
}
