package shopkb.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and validates a content directory: {@code intents/}, {@code faq/}, {@code phrasing/},
 * {@code policy/} and {@code product/}, one YAML file per entry.
 *
 * <p>A bad file never stops loading: it is reported as a {@link ContentProblem} and left out, and every
 * valid entry is kept. Entries that point at a rejected intent or product are rejected in turn.
 */
public final class ContentLoader {

    private final Path root;

    public ContentLoader(Path root) {
        this.root = root;
    }

    public LoadedContent load() {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("content directory not found: " + root.toAbsolutePath()));
        }
        var problems = new ArrayList<ContentProblem>();
        var fingerprint = new ContentFingerprint[] {ContentFingerprint.empty()};

        var intents = new LinkedHashMap<String, Intent>();
        for (ContentFile file : readFolder(ContentFormat.INTENTS_FOLDER, problems, fingerprint)) {
            Intent intent = parse(file, Intent.class, problems);
            if (intent != null && accept(file, intent.id(), ContentValidator.validateIntent(intent), intents.keySet(), problems)) {
                intents.put(intent.id(), intent);
            }
        }

        var parsed = new LinkedHashMap<EntryType, List<Map.Entry<ContentFile, Entry>>>();
        for (EntryType type : EntryType.values()) {
            var list = new ArrayList<Map.Entry<ContentFile, Entry>>();
            // Parsing YAML is the costly part of loading a large knowledge base: it runs on every core,
            // then results are taken in file order so problems and duplicates are reported deterministically.
            List<ContentFile> files = readFolder(type.folder(), problems, fingerprint);
            List<Parsed> results = files.parallelStream().map(file -> parse(file, ContentFormat.classOf(type))).toList();
            for (Parsed result : results) {
                problems.addAll(result.problems());
                if (result.entry() != null) {
                    list.add(Map.entry(result.file(), result.entry()));
                }
            }
            parsed.put(type, list);
        }

        // Products first: FAQ entries may only name product codes that loaded.
        var entries = new HashMap<String, Entry>();
        var productValidator = new ContentValidator(intents.keySet(), java.util.Set.of());
        var productCodes = new HashMap<String, String>();
        for (var pair : parsed.get(EntryType.PRODUCT)) {
            var product = (ProductEntry) pair.getValue();
            var fieldProblems = new ArrayList<>(productValidator.validate(product));
            String owner = productCodes.get(product.code());
            if (owner != null) {
                fieldProblems.add(new FieldProblem("code", "product code " + product.code() + " is already used by " + owner));
            }
            if (accept(pair.getKey(), product.id(), fieldProblems, entries.keySet(), problems)) {
                entries.put(product.id(), product);
                productCodes.put(product.code(), product.id());
            }
        }
        var validator = new ContentValidator(intents.keySet(), productCodes.keySet());
        for (EntryType type : List.of(EntryType.FAQ, EntryType.PHRASING, EntryType.POLICY)) {
            for (var pair : parsed.get(type)) {
                Entry entry = pair.getValue();
                if (accept(pair.getKey(), entry.id(), validator.validate(entry), entries.keySet(), problems)) {
                    entries.put(entry.id(), entry);
                }
            }
        }
        return new LoadedContent(intents, entries, problems, fingerprint[0]);
    }

    /** A content file's relative path and text. */
    private record ContentFile(String relativePath, String fileName, String text) {
    }

    private List<ContentFile> readFolder(String folder, List<ContentProblem> problems, ContentFingerprint[] fingerprint) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(folder + "/", null, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
        var files = new ArrayList<ContentFile>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String relative = folder + "/" + name;
            if (name.startsWith(".") || name.endsWith("~")) {
                continue; // editor swap and backup files
            }
            if (!name.endsWith(ContentFormat.EXTENSION)) {
                problems.add(new ContentProblem(relative, null, "not a content file: names must end with " + ContentFormat.EXTENSION));
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                fingerprint[0] = fingerprint[0].toggle(relative, bytes);
                files.add(new ContentFile(relative, name, decodeUtf8(bytes)));
            } catch (CharacterCodingException e) {
                problems.add(new ContentProblem(relative, null, "not valid UTF-8 text"));
            } catch (IOException e) {
                problems.add(new ContentProblem(relative, null, "cannot read: " + e.getMessage()));
            }
        }
        return files;
    }

    /** One file's parse result. */
    private record Parsed(ContentFile file, Entry entry, List<ContentProblem> problems) {
    }

    private static Parsed parse(ContentFile file, Class<? extends Entry> type) {
        var problems = new ArrayList<ContentProblem>();
        Entry entry = parse(file, type, problems);
        return new Parsed(file, entry, problems);
    }

    private static <T> T parse(ContentFile file, Class<T> type, List<ContentProblem> problems) {
        try {
            T value = ContentFormat.mapper().readValue(file.text(), type);
            if (value == null) {
                problems.add(new ContentProblem(file.relativePath(), null, "file is empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            problems.add(new ContentProblem(file.relativePath(), ContentFormat.fieldOf(e), ContentFormat.messageOf(e)));
            return null;
        }
    }

    private static boolean accept(ContentFile file, String id, List<FieldProblem> fieldProblems,
                                  java.util.Set<String> takenIds, List<ContentProblem> problems) {
        var all = new ArrayList<>(fieldProblems);
        String expectedName = id + ContentFormat.EXTENSION;
        if (id != null && !file.fileName().equals(expectedName)) {
            all.add(new FieldProblem("id", "id '" + id + "' does not match the file name; rename the file to " + expectedName));
        }
        if (id != null && takenIds.contains(id)) {
            all.add(new FieldProblem("id", "duplicate id '" + id + "'"));
        }
        all.forEach(p -> problems.add(new ContentProblem(file.relativePath(), p.field(), p.problem())));
        return all.isEmpty();
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
