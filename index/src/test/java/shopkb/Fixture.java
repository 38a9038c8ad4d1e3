package shopkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small readable content set under src/test/resources/fixture, copied so a test may change it. */
public final class Fixture {

    private Fixture() {
    }

    public static Path source() {
        try {
            return Path.of(Fixture.class.getResource("/fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture into {@code dir}/content and returns that folder. */
    public static Path copyTo(Path dir) {
        Path target = dir.resolve("content");
        try (Stream<Path> files = Files.walk(source())) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
