package shopkb.analysis;

import java.io.IOException;
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
import shopkb.content.ContentProblem;

/**
 * Reads the vocabulary folder. Line formats ({@code #} starts a comment):
 * <ul>
 *   <li>{@code synonyms.txt}: one group per line, terms separated by commas or spaces: {@code 包邮, 免运费, 免邮}</li>
 *   <li>{@code spellings.txt}: {@code 木有 => 没有}</li>
 *   <li>{@code words.txt}: one domain word per line: {@code 七匹狼}</li>
 * </ul>
 * A bad line is reported with its file and line number and skipped; it never stops loading.
 */
public final class VocabularyLoader {

    public static final String FOLDER = "vocabulary";
    static final String SYNONYMS = "synonyms.txt";
    static final String SPELLINGS = "spellings.txt";
    static final String WORDS = "words.txt";

    private VocabularyLoader() {
    }

    /** Loads {@code contentDir/vocabulary}; a missing folder or file is an empty vocabulary. */
    public static Vocabulary load(Path contentDir) {
        Path dir = contentDir.resolve(FOLDER);
        var problems = new ArrayList<ContentProblem>();
        var digest = sha256();
        var synonyms = new HashMap<String, List<String>>();
        var spellings = new LinkedHashMap<String, String>();
        var words = new HashSet<String>();

        forEachLine(dir, SYNONYMS, digest, problems, (line, at) -> {
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
        forEachLine(dir, SPELLINGS, digest, problems, (line, at) -> {
            String[] parts = line.split("=>");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(new ContentProblem(at.file, at.line, "expected 'spelling => standard form', e.g. 木有 => 没有"));
                return;
            }
            spellings.put(TextNormalizer.normalize(parts[0].strip()), TextNormalizer.normalize(parts[1].strip()));
        });
        forEachLine(dir, WORDS, digest, problems, (line, at) -> {
            String word = TextNormalizer.normalize(line.strip());
            if (word.length() < 2 || word.length() > Vocabulary.MAX_WORD_CHARS || word.contains(" ")) {
                problems.add(new ContentProblem(at.file, at.line, "a domain word is one term of 2 to "
                        + Vocabulary.MAX_WORD_CHARS + " characters"));
                return;
            }
            words.add(word);
        });
        // Longest spellings first, so a longer variant wins over a shorter one inside it.
        var ordered = new LinkedHashMap<String, String>();
        spellings.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Vocabulary(synonyms, ordered, words, problems, HexFormat.of().formatHex(digest.digest()));
    }

    private record Where(String file, String line) {
    }

    private interface LineHandler {
        void accept(String line, Where at);
    }

    private static void forEachLine(Path dir, String name, MessageDigest digest, List<ContentProblem> problems,
                                    LineHandler handler) {
        Path file = dir.resolve(name);
        String relative = FOLDER + "/" + name;
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(bytes);
            lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(relative, null, "cannot read: " + e.getMessage()));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            if (!line.isBlank()) {
                handler.accept(line.strip(), new Where(relative, "line " + (i + 1)));
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
