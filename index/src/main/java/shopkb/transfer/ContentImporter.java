package shopkb.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import shopkb.KnowledgeBase;
import shopkb.analysis.TextNormalizer;
import shopkb.content.ContentFingerprint;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.content.FaqEntry;
import shopkb.content.FieldProblem;
import shopkb.content.Intent;
import shopkb.editing.ContentEditor;
import shopkb.editing.EntryCodec;
import shopkb.editing.ValidationFailedException;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;

/**
 * Imports entries from JSON Lines (any type) or a spreadsheet (FAQ rows: 标准问题, 相似问法, 答案, 分类, ...).
 * A dry run reports what would be created, changed or rejected, row by row; a real import writes nothing
 * unless every row is accepted.
 */
public final class ContentImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KnowledgeBase kb;
    private final Duration budget;

    /**
     * Questions of created or changed rows compared by meaning with the knowledge base's, per import: each unseen one
     * costs an encode (about a millisecond), and a large import must still answer in seconds.
     */
    public static final int MAX_QUESTIONS_COMPARED = 1000;

    public ContentImporter(KnowledgeBase kb) {
        this(kb, ImportLimits.MAX_DURATION);
    }

    /** @param budget how long reading the rows may take before the import is refused */
    public ContentImporter(KnowledgeBase kb, Duration budget) {
        this.kb = kb;
        this.budget = budget;
    }

    /** Thrown when the file itself cannot be read (not a row problem). */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    private record Parsed(int row, Entry entry, String note) {
    }

    /**
     * Reads, checks and (unless a dry run) applies a file.
     *
     * @throws ImportLimits.TooLargeException when the file is over a limit, or its rows take longer than the
     *                                        import's time budget; nothing is written then
     */
    public ImportReport run(TransferFormat format, byte[] data, boolean dryRun, String by) {
        long deadline = System.nanoTime() + budget.toNanos();
        BooleanSupplier overBudget = () -> System.nanoTime() - deadline > 0;
        if (data.length > ImportLimits.MAX_FILE_BYTES) {
            throw new ImportLimits.TooLargeException("the file is over " + ImportLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        var parsed = new ArrayList<Parsed>();
        var rejected = new ArrayList<ImportReport.Rejected>();
        int rows;
        try {
            rows = switch (format) {
                case JSONL -> readJsonLines(data, parsed, rejected);
                case CSV -> readTable(TableReader.csv(data), parsed, rejected, overBudget);
                case XLSX -> readTable(TableReader.xlsx(data), parsed, rejected, overBudget);
            };
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the " + format.extension() + " file: " + e.getMessage());
        }
        ContentEditor editor = kb.editor();
        Map<Integer, List<FieldProblem>> problems = editor.check(parsed.stream().map(Parsed::entry).toList());
        var created = new ArrayList<ImportReport.Row>();
        var changed = new ArrayList<ImportReport.Row>();
        var unchanged = new ArrayList<ImportReport.Row>();
        var toWrite = new ArrayList<Entry>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            if (problems.containsKey(i)) {
                rejected.add(new ImportReport.Rejected(p.row(), problems.get(i)));
                continue;
            }
            Optional<Entry> existing = kb.entry(p.entry().id());
            var row = new ImportReport.Row(p.row(), p.entry().id(), p.entry().typeName(), p.note());
            if (existing.isEmpty()) {
                created.add(row);
                toWrite.add(p.entry());
            } else if (!existing.get().equals(p.entry())) {
                changed.add(row);
                toWrite.add(p.entry());
            } else {
                unchanged.add(row);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::row));
        List<ImportReport.NearDuplicateRow> nearDuplicates = nearDuplicates(parsed, toWrite);
        boolean apply = !dryRun && rejected.isEmpty() && !toWrite.isEmpty();
        if (apply) {
            editor.applyAll(toWrite, by, "import");
        }
        return new ImportReport(dryRun, apply, rows, created, changed, unchanged, rejected, nearDuplicates);
    }

    /** Questions of the rows to write that mean the same as another FAQ's, compared before anything is written. */
    private List<ImportReport.NearDuplicateRow> nearDuplicates(List<Parsed> parsed, List<Entry> toWrite) {
        var writing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Entry, Boolean>());
        writing.addAll(toWrite);
        var found = new ArrayList<ImportReport.NearDuplicateRow>();
        int budget = MAX_QUESTIONS_COMPARED;
        for (Parsed p : parsed) {
            if (budget <= 0) {
                break;
            }
            if (writing.contains(p.entry()) && p.entry() instanceof FaqEntry faq) {
                for (var d : kb.nearDuplicates(faq, budget)) {
                    found.add(new ImportReport.NearDuplicateRow(p.row(), faq.id(), d.field(), d.question(), d.entryId(),
                            d.otherQuestion(), d.similarity()));
                }
                budget -= faq.allQuestions().size();
            }
        }
        return found;
    }

    private static int readJsonLines(byte[] data, List<Parsed> parsed, List<ImportReport.Rejected> rejected) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\r?\n");
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            rows++;
            ImportLimits.countRow(rows);
            try {
                JsonNode node = JSON.readTree(line);
                parsed.add(new Parsed(i + 1, EntryCodec.fromJson(node), null));
            } catch (ValidationFailedException e) {
                rejected.add(new ImportReport.Rejected(i + 1, e.problems()));
            } catch (IOException e) {
                rejected.add(new ImportReport.Rejected(i + 1, List.of(new FieldProblem("line", "not valid JSON"))));
            }
        }
        return rows;
    }

    private int readTable(List<TableReader.TableRow> table, List<Parsed> parsed, List<ImportReport.Rejected> rejected,
                          BooleanSupplier overBudget) {
        Map<String, String> faqIdByQuestion = faqIdByQuestion();
        for (TableReader.TableRow row : table) {
            // Inferring an intent is a search per row: the costly part of a big sheet.
            if (overBudget.getAsBoolean()) {
                throw new ImportLimits.TooLargeException("the import was stopped at row " + row.number() + " after "
                        + budget.toSeconds() + " s; add an 意图 column (inferring intents is slow) or split the file");
            }
            try {
                parsed.add(faqFrom(row, faqIdByQuestion));
            } catch (ValidationFailedException e) {
                rejected.add(new ImportReport.Rejected(row.number(), e.problems()));
            }
        }
        return table.size();
    }

    /** An FAQ from a spreadsheet row; the intent, id and scenario are inferred when their columns are empty. */
    private Parsed faqFrom(TableReader.TableRow row, Map<String, String> faqIdByQuestion) {
        Map<String, String> cells = row.cells();
        String type = FaqColumns.TYPE.in(cells);
        if (!type.isEmpty() && EntryType.fromName(type).orElse(null) != EntryType.FAQ) {
            throw new ValidationFailedException(List.of(new FieldProblem(FaqColumns.TYPE.header,
                    "spreadsheets import FAQ entries only; use JSON Lines for '" + type + "'")));
        }
        String question = FaqColumns.QUESTION.in(cells);
        if (question.isEmpty()) {
            throw new ValidationFailedException(List.of(new FieldProblem(FaqColumns.QUESTION.header, "required and must not be empty")));
        }
        var notes = new ArrayList<String>();
        String intent = FaqColumns.INTENT.in(cells);
        if (intent.isEmpty()) {
            intent = inferIntent(question).orElseThrow(() -> new ValidationFailedException(List.of(new FieldProblem(
                    FaqColumns.INTENT.header, "no intent given, and none matches the question with confidence; add an 意图 column"))));
            notes.add("intent " + intent + " inferred from the question");
        }
        String id = FaqColumns.ID.in(cells);
        if (id.isEmpty()) {
            id = faqIdByQuestion.getOrDefault(TextNormalizer.normalize(question), "faq." + intent + "." + shortHash(question));
        }
        String scenario = FaqColumns.SCENARIO.in(cells);
        if (scenario.isEmpty()) {
            scenario = kb.intent(intent).map(Intent::scenario).orElse("");
        }
        List<String> negatives = FaqColumns.NEGATIVES.presentIn(cells) ? FaqColumns.NEGATIVES.listIn(cells)
                : kb.entry(id).filter(e -> e instanceof FaqEntry).map(e -> ((FaqEntry) e).negatives()).orElse(List.of());
        Entry entry = new FaqEntry(id, intent, scenario, question, FaqColumns.SIMILAR.listIn(cells),
                FaqColumns.ANSWER.in(cells), FaqColumns.NOTE.in(cells).isEmpty() ? null : FaqColumns.NOTE.in(cells),
                FaqColumns.TAGS.listIn(cells), FaqColumns.PRODUCTS.listIn(cells), negatives);
        return new Parsed(row.number(), entry, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private Optional<String> inferIntent(String question) {
        SearchResponse response = kb.search(new SearchRequest(question, 3, Set.of(EntryType.FAQ), null, null));
        if (!response.confident() || response.results().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(response.results().getFirst().intent());
    }

    /**
     * Each FAQ's id by its standard question (normalised), first in id order, so a re-imported row updates the
     * entry it came from. Built once per import: looking it up per row scanned every entry for every row.
     */
    private Map<String, String> faqIdByQuestion() {
        var ids = new java.util.HashMap<String, String>();
        for (Entry entry : kb.content().entries().values()) {
            if (entry instanceof FaqEntry faq) {
                ids.putIfAbsent(TextNormalizer.normalize(faq.question()), faq.id());
            }
        }
        return ids;
    }

    private static String shortHash(String text) {
        return HexFormat.of().formatHex(ContentFingerprint.hash("", text.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }
}
