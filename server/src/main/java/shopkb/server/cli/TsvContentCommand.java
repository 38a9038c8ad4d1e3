package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import shopkb.content.ContentFormat;
import shopkb.content.FaqEntry;
import shopkb.content.Intent;
import shopkb.editing.EntryCodec;

/**
 * {@code tsv-content FAQ.tsv DIR}: turns a file of {@code id<TAB>question} lines into a content folder with one
 * intent and one FAQ (that question, no similar questions, a placeholder answer) per line. This is how a shop's
 * bare list of standard questions looks to search, e.g. the paraphrase benchmark's {@code faq.tsv}, which
 * {@code quality} then measures with its queries.
 */
public final class TsvContentCommand {

    static final String SCENARIO = "问答";
    static final String PLACEHOLDER_ANSWER = "(标准答案)";

    private TsvContentCommand() {
    }

    public static void run(Path tsv, Path target, PrintStream out) throws IOException {
        if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
            throw new IllegalArgumentException(target + " is not empty; give a new folder");
        }
        Path intents = Files.createDirectories(target.resolve(ContentFormat.INTENTS_FOLDER));
        Path faqs = Files.createDirectories(target.resolve("faq"));
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        int written = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("id\t"))) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": expected id<TAB>question");
            }
            String id = parts[0].strip();
            String question = parts[1].strip();
            ContentFormat.mapper().writeValue(intents.resolve(id + ContentFormat.EXTENSION).toFile(),
                    new Intent(id, SCENARIO, question, null));
            var faq = new FaqEntry("faq." + id, id, SCENARIO, question, List.of(), PLACEHOLDER_ANSWER, null, List.of(),
                    List.of(), List.of());
            Files.write(faqs.resolve(faq.id() + ContentFormat.EXTENSION), EntryCodec.toYaml(faq));
            written++;
        }
        out.printf("wrote %d intents and %d FAQ entries under %s%n", written, written, target);
    }
}
