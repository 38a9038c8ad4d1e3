package shopkb.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import shopkb.analysis.TextNormalizer;
import shopkb.content.ContentFormat;
import shopkb.content.ContentProblem;
import shopkb.content.ContentValidator;

/**
 * The reply rules, compiled. Loaded from {@code faq-content/rules/*.yaml}, one rule per file; a bad file is
 * reported with file, field and problem and left out, the others still apply.
 */
public final class RuleSet {

    public static final String FOLDER = "rules";

    /** A rule with its expressions compiled once. */
    record Compiled(ReplyRule rule, List<Pattern> patterns, List<Pattern> unless, List<Pattern> buyer,
                    List<Pattern> draft) {
    }

    private final List<Compiled> rules;
    private final List<ContentProblem> problems;

    private RuleSet(List<Compiled> rules, List<ContentProblem> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), List.of());
    }

    /**
     * @param phrasingIds the phrasings rules may recommend
     */
    public static RuleSet load(Path contentDir, Set<String> phrasingIds) {
        Path dir = contentDir.resolve(FOLDER);
        var rules = new ArrayList<Compiled>();
        var problems = new ArrayList<ContentProblem>();
        if (!Files.isDirectory(dir)) {
            return new RuleSet(rules, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(ContentFormat.EXTENSION)).sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(FOLDER + "/", null, "cannot list folder: " + e.getMessage()));
            return new RuleSet(rules, problems);
        }
        for (Path file : files) {
            String relative = FOLDER + "/" + file.getFileName();
            try {
                ReplyRule rule = ContentFormat.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), ReplyRule.class);
                int before = problems.size();
                Compiled compiled = compile(rule, relative, phrasingIds, problems);
                if (problems.size() == before) {
                    rules.add(compiled);
                }
            } catch (JsonProcessingException e) {
                problems.add(new ContentProblem(relative, ContentFormat.fieldOf(e), ContentFormat.messageOf(e)));
            } catch (IOException e) {
                problems.add(new ContentProblem(relative, null, "cannot read: " + e.getMessage()));
            }
        }
        return new RuleSet(rules, problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    List<Compiled> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    private static Compiled compile(ReplyRule rule, String file, Set<String> phrasingIds, List<ContentProblem> problems) {
        if (rule == null) {
            problems.add(new ContentProblem(file, null, "file is empty"));
            return null;
        }
        if (rule.id() == null || !ContentValidator.ID.matcher(rule.id()).matches()) {
            problems.add(new ContentProblem(file, "id", "required: 2-100 of a-z 0-9 . _ -"));
        } else if (!file.endsWith("/" + rule.id() + ContentFormat.EXTENSION)) {
            problems.add(new ContentProblem(file, "id", "id '" + rule.id() + "' does not match the file name"));
        }
        if (!rule.kind().equals("match") && !rule.kind().equals("missing")) {
            problems.add(new ContentProblem(file, "kind", "kind is match or missing"));
        }
        if (rule.message() == null || rule.message().isBlank()) {
            problems.add(new ContentProblem(file, "message", "required and must not be empty"));
        }
        if (rule.patterns().isEmpty()) {
            problems.add(new ContentProblem(file, "patterns", "at least one pattern is required"));
        }
        for (int i = 0; i < rule.phrasings().size(); i++) {
            if (!phrasingIds.contains(rule.phrasings().get(i))) {
                problems.add(new ContentProblem(file, "phrasings[" + i + "]", "unknown phrasing '" + rule.phrasings().get(i) + "'"));
            }
        }
        ReplyRule.When when = rule.when() == null ? new ReplyRule.When(null, null, null) : rule.when();
        return new Compiled(rule, patterns(rule.patterns(), file, "patterns", problems),
                patterns(rule.unless(), file, "unless", problems), patterns(when.buyer(), file, "when.buyer", problems),
                patterns(when.draft(), file, "when.draft", problems));
    }

    private static List<Pattern> patterns(List<String> sources, String file, String field, List<ContentProblem> problems) {
        var compiled = new ArrayList<Pattern>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                // Patterns are written in simplified characters; drafts are folded the same way before matching.
                compiled.add(Pattern.compile(TextNormalizer.fold(sources.get(i))));
            } catch (PatternSyntaxException e) {
                problems.add(new ContentProblem(file, field + "[" + i + "]", "not a valid pattern: " + e.getDescription()));
            }
        }
        return compiled;
    }
}
