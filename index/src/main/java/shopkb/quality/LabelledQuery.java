package shopkb.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A buyer message and the intent it should reach, read from a {@code query<TAB>intent} file. */
public record LabelledQuery(String query, String intent) {

    /** The label of an off-topic line: no entry should answer it confidently. */
    public static final String NONE = "none";

    public boolean offTopic() {
        return NONE.equals(intent);
    }

    /** Reads a TSV file; a first line {@code query<TAB>intent} is a header and skipped, blank lines too. */
    public static List<LabelledQuery> readTsv(Path file) throws IOException {
        var queries = new ArrayList<LabelledQuery>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("query\t"))) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IOException(file + " line " + (i + 1) + ": expected query<TAB>intent");
            }
            queries.add(new LabelledQuery(parts[0].strip(), parts[1].strip()));
        }
        return queries;
    }
}
