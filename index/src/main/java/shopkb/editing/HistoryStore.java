package shopkb.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change of every entry, one append-only JSON Lines file per entry in the data folder, each line
 * forced to disk (or kept at the files' shared home, see {@link FileHome}). Kept apart from the content folder so the
 * server never writes into the team's git working tree (a repository the editors also pull and commit by hand); the
 * content files stay plain.
 */
public final class HistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final FileHome files;

    /** The history in a local folder. */
    public HistoryStore(Path dir) {
        this(dir, FileHome.LOCAL);
    }

    /** The history whose files {@code files} keeps, mirrored in {@code dir}. */
    public HistoryStore(Path dir, FileHome files) {
        this.dir = dir;
        this.files = files;
    }

    public List<HistoryRecord> list(String id) {
        return parse(files.fresh(fileOf(id)));
    }

    public HistoryRecord append(String id, String by, String action, String content, String previous) {
        var appended = new HistoryRecord[1];
        files.append(fileOf(id), bytes -> {
            List<HistoryRecord> existing = parse(bytes);
            int version = existing.isEmpty() ? 1 : existing.getLast().version() + 1;
            appended[0] = new HistoryRecord(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), by, action,
                    content, previous);
            try {
                return JSON.writeValueAsString(appended[0]);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        return appended[0];
    }

    private static List<HistoryRecord> parse(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        var records = new ArrayList<HistoryRecord>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    records.add(JSON.readValue(line, HistoryRecord.class));
                } catch (JsonProcessingException e) {
                    // A line torn by a crash mid-append is skipped; every line before it is whole.
                }
            }
        }
        return records;
    }

    private Path fileOf(String id) {
        return dir.resolve(id + ".jsonl");
    }
}
