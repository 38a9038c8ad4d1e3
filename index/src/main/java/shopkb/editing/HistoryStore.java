package shopkb.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change of every entry, one append-only JSON Lines file per entry in the data folder, each line
 * forced to disk. Kept apart from the content folder so the server never writes into the team's git
 * working tree (a repository the editors also pull and commit by hand); the content files stay plain.
 */
public final class HistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public HistoryStore(Path dir) {
        this.dir = dir;
    }

    public List<HistoryRecord> list(String id) {
        Path file = fileOf(id);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            var records = new ArrayList<HistoryRecord>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        records.add(JSON.readValue(line, HistoryRecord.class));
                    } catch (JsonProcessingException e) {
                        // A line torn by a crash mid-append is skipped; every line before it is whole.
                    }
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HistoryRecord append(String id, String by, String action, String content, String previous) {
        List<HistoryRecord> existing = list(id);
        int version = existing.isEmpty() ? 1 : existing.getLast().version() + 1;
        var record = new HistoryRecord(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), by, action,
                content, previous);
        try {
            AtomicFiles.appendLine(fileOf(id), JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return record;
    }

    private Path fileOf(String id) {
        return dir.resolve(id + ".jsonl");
    }
}
