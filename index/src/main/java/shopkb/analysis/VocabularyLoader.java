package shopkb.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shopkb.content.ContentProblem;

/**
 * Reads the vocabulary folder, or the same lines given as lists (an OpenSearch index's settings). Line formats
 * ({@code #} starts a comment):
 * <ul>
 *   <li>{@code synonyms.txt}: one group per line, terms separated by commas or spaces: {@code 包邮, 免运费, 免邮}</li>
 *   <li>{@code spellings.txt}: {@code 木有 => 没有}</li>
 *   <li>{@code words.txt}: one domain word per line: {@code 七匹狼}</li>
 * </ul>
 * A bad line is reported with its source and line number and skipped; it never stops loading.
 */
public final class VocabularyLoader {

    public static final String FOLDER = "vocabulary";
    static final String SYNONYMS = "synonyms.txt";
    static final String SPELLINGS = "spellings.txt";
    static final String WORDS = "words.txt";

    /**
     * Lines of one kind and where they come from.
     *
     * @param source named in problems, e.g. {@code vocabulary/words.txt}
     */
    public record Lines(String source, List<String> lines) {

        public Lines {
            lines = List.copyOf(lines);
        }
    }

    private VocabularyLoader() {
    }

    /** Loads {@code contentDir/vocabulary}; a missing folder or file is an empty vocabulary. */
    public static Vocabulary load(Path contentDir) {
        return load(null, contentDir);
    }

    /**
     * A shop's vocabulary: the platform-wide layer ({@code platformDir/vocabulary}, shared by every shop) and the shop's
     * own ({@code contentDir/vocabulary}) as one. Synonym groups and domain words of both count; where both spell a
     * word, the shop's standard form wins. Problems of the platform layer name it ({@code platform/vocabulary/...}).
     *
     * @param platformDir null, or a folder without {@code vocabulary/}, for no platform layer
     */
    public static Vocabulary load(Path platformDir, Path contentDir) {
        var digest = sha256();
        var parsed = new Parsed();
        if (platformDir != null) {
            parseLayer(platformDir.resolve(FOLDER), PLATFORM_LABEL + FOLDER, digest, parsed);
        }
        parseLayer(contentDir.resolve(FOLDER), FOLDER, digest, parsed);
        return parsed.vocabulary(HexFormat.of().formatHex(digest.digest()));
    }

    /** How problems of the platform layer name their files, before {@code vocabulary/...}. */
    static final String PLATFORM_LABEL = "platform/";

    private static void parseLayer(Path dir, String label, MessageDigest digest, Parsed parsed) {
        parsed.synonyms(read(dir, label, SYNONYMS, digest, parsed.problems));
        parsed.spellings(read(dir, label, SPELLINGS, digest, parsed.problems));
        parsed.words(read(dir, label, WORDS, digest, parsed.problems));
    }

    /**
     * Builds a vocabulary from lines in the files' formats; its fingerprint is a digest of the lines, and bad lines
     * are in its problems as when loaded from files.
     */
    public static Vocabulary fromLines(Lines synonyms, Lines spellings, Lines words) {
        var digest = sha256();
        for (Lines kind : List.of(synonyms, spellings, words)) {
            kind.lines().forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            digest.update((byte) 0); // so that a line moved from one kind to the next changes the digest
        }
        var parsed = new Parsed();
        parsed.synonyms(synonyms);
        parsed.spellings(spellings);
        parsed.words(words);
        return parsed.vocabulary(HexFormat.of().formatHex(digest.digest()));
    }

    /** The vocabulary as its lines are parsed, kind after kind. */
    private static final class Parsed {
        private final List<ContentProblem> problems = new ArrayList<>();
        private final Map<String, List<String>> synonyms = new HashMap<>();
        private final Map<String, String> spellings = new LinkedHashMap<>();
        private final Set<String> words = new HashSet<>();

        void synonyms(Lines lines) {
            forEachLine(lines, (line, at) -> {
                List<String> group = new ArrayList<>();
                for (String term : line.split("[,,、\\s]+")) {
                    String normalized = TextNormalizer.normalize(term.strip());
                    if (!normalized.isEmpty() && !group.contains(normalized)) {
                        group.add(normalized);
                    }
                }
                if (group.size() < 2) {
                    problems.add(new ContentProblem(at.file, at.line, "a synonym group needs at least two terms"));
                    return;
                }
                for (String term : group) {
                    var others = new ArrayList<>(synonyms.getOrDefault(term, List.of()));
                    group.stream().filter(t -> !t.equals(term) && !others.contains(t)).forEach(others::add);
                    synonyms.put(term, List.copyOf(others));
                    if (term.length() >= 2 && term.length() <= Vocabulary.MAX_WORD_CHARS) {
                        words.add(term);
                    }
                }
            });
        }

        void spellings(Lines lines) {
            forEachLine(lines, (line, at) -> {
                String[] parts = line.split("=>");
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    problems.add(new ContentProblem(at.file, at.line, "expected 'spelling => standard form', e.g. 木有 => 没有"));
                    return;
                }
                spellings.put(TextNormalizer.normalize(parts[0].strip()), TextNormalizer.normalize(parts[1].strip()));
            });
        }

        void words(Lines lines) {
            forEachLine(lines, (line, at) -> {
                String word = TextNormalizer.normalize(line.strip());
                if (word.length() < 2 || word.length() > Vocabulary.MAX_WORD_CHARS || word.contains(" ")) {
                    problems.add(new ContentProblem(at.file, at.line, "a domain word is one term of 2 to "
                            + Vocabulary.MAX_WORD_CHARS + " characters"));
                    return;
                }
                words.add(word);
            });
        }

        Vocabulary vocabulary(String fingerprint) {
            // Longest spellings first, so a longer variant wins over a shorter one inside it.
            var ordered = new LinkedHashMap<String, String>();
            spellings.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return new Vocabulary(synonyms, ordered, words, problems, fingerprint);
        }
    }

    private record Where(String file, String line) {
    }

    private interface LineHandler {
        void accept(String line, Where at);
    }

    /** The file's lines, its bytes added to the digest; a missing file has no lines. */
    private static Lines read(Path dir, String label, String name, MessageDigest digest, List<ContentProblem> problems) {
        Path file = dir.resolve(name);
        String relative = label + "/" + name;
        if (!Files.isRegularFile(file)) {
            return new Lines(relative, List.of());
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(bytes);
            return new Lines(relative, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().lines().toList());
        } catch (IOException e) {
            problems.add(new ContentProblem(relative, null, "cannot read: " + e.getMessage()));
            return new Lines(relative, List.of());
        }
    }

    private static void forEachLine(Lines lines, LineHandler handler) {
        for (int i = 0; i < lines.lines().size(); i++) {
            String line = lines.lines().get(i);
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            if (!line.isBlank()) {
                handler.accept(line.strip(), new Where(lines.source(), "line " + (i + 1)));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
