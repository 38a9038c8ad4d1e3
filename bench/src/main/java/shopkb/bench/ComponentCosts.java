package shopkb.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.KnowledgeBase;
import shopkb.content.ContentLoader;
import shopkb.content.ContentValidator;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.LoadedContent;
import shopkb.editing.EntryCodec;
import shopkb.editing.Folders;
import shopkb.quality.SyntheticContent;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.semantic.MeaningModel;

/**
 * {@code bench --components true}: what each component of the lexical chain costs, as the time of an in-process search
 * by words with it switched off, over one synthetic knowledge base and the bench's message mix. Its worth is the other
 * half of the account: the same rows of {@code ./kb quality} (hit@1 and MRR without it).
 *
 * <p>One more row weighs the index's shape rather than a component: the words chain over the same content with each
 * FAQ's questions written as its one question ({@link #ONE_UNIT_PER_FAQ}), so an FAQ is two units (questions, body)
 * instead of one per question plus the body, which is how the OpenSearch node of the main bench holds it. Then the
 * words chain's time by the number of clauses a message makes ({@link ClauseCosts}).
 *
 * <p>Every configuration has its own index (some components change the analysis), all open at once; rounds of the whole
 * message mix alternate between them, each round starting at another one, so a slower minute of the machine falls on
 * every row alike, and each row keeps its best round.
 */
final class ComponentCosts {

    /** The row of the words chain over content whose FAQs each hold their questions as one. */
    static final String ONE_UNIT_PER_FAQ = "one-unit-per-faq";

    private ComponentCosts() {
    }

    /**
     * Prints, and returns, each configuration's best mean µs per search: "words", "-" + each component, "baseline", and
     * {@link #ONE_UNIT_PER_FAQ}.
     */
    static Map<String, Double> run(Path demo, int size, int rounds, PrintStream out) throws Exception {
        List<String> queries = BenchCommand.messageMix(demo);
        Map<String, RankingOptions> configs = new LinkedHashMap<>();
        RankingOptions words = RankingOptions.full().without("meaning");
        configs.put("words", words);
        for (String component : RankingOptions.LEXICAL_COMPONENTS) {
            configs.put("-" + component, words.without(component));
        }
        configs.put("baseline", RankingOptions.baseline());
        Path dir = Files.createTempDirectory("shopkb-bench-components-");
        var open = new LinkedHashMap<String, KnowledgeBase>();
        try {
            Path content = dir.resolve("content");
            SyntheticContent.write(demo, content, size, 42);
            out.printf("%n== what each component of the words chain costs: %,d synthetic entries, %,d messages, in-process,"
                    + " 1 thread, best of %d alternating rounds ==%n", size, queries.size(), rounds);
            for (var config : configs.entrySet()) {
                open.put(config.getKey(), KnowledgeBase.open(content, dir.resolve("data" + config.getKey()),
                        config.getValue(), MeaningModel.off()));
            }
            Path oneUnit = dir.resolve("content-" + ONE_UNIT_PER_FAQ);
            int cut = writeOneUnitPerFaq(content, oneUnit);
            open.put(ONE_UNIT_PER_FAQ, KnowledgeBase.open(oneUnit, dir.resolve("data-" + ONE_UNIT_PER_FAQ), words, MeaningModel.off()));
            var names = List.copyOf(open.keySet());
            var best = new LinkedHashMap<String, Double>();
            names.forEach(name -> best.put(name, Double.MAX_VALUE));
            for (int round = -1; round < rounds; round++) {
                // Each round starts at another configuration, so none is always measured first.
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(Math.floorMod(round + i, names.size()));
                    double micros = roundMicros(open.get(name), queries);
                    if (round >= 0) {
                        best.merge(name, micros, Math::min);
                    }
                }
            }
            double full = best.get("words");
            String row = "%-" + ONE_UNIT_PER_FAQ.length() + "s %10s %9s%n";
            out.printf(row, "config", "µs/search", "vs words");
            best.forEach((name, micros) -> out.printf(row, name, "%.0f".formatted(micros), "%+.0f%%".formatted(100 * (micros / full - 1))));
            out.println("(-X: the words chain without X; baseline: plain smartcn words and BM25, best question per entry;"
                    + " what each is worth: ./kb quality's rows of the same names; " + ONE_UNIT_PER_FAQ + ": the words chain"
                    + " with each FAQ's questions as one" + (cut > 0 ? ", " + cut + " questions left out for length" : "") + ")");
            ClauseCosts.measure(open.get("words"), queries, out);
            return best;
        } finally {
            for (KnowledgeBase kb : open.values()) {
                kb.close();
            }
            Folders.delete(dir);
        }
    }

    /**
     * Copies {@code content} to {@code target} with every FAQ's questions joined, one per line, into its question (as
     * many as its length limit holds), and no similar questions.
     *
     * @return how many questions did not fit
     */
    static int writeOneUnitPerFaq(Path content, Path target) throws IOException {
        Folders.copy(content, target);
        int cut = 0;
        for (Entry entry : new ContentLoader(content).load().entries().values()) {
            if (entry instanceof FaqEntry faq) {
                var joined = new StringBuilder();
                for (String question : faq.allQuestions()) {
                    String separator = joined.isEmpty() ? "" : "\n";
                    if (joined.length() + separator.length() + question.length() > ContentValidator.MAX_TITLE_CHARS) {
                        cut++;
                    } else {
                        joined.append(separator).append(question);
                    }
                }
                var merged = new FaqEntry(faq.id(), faq.intent(), faq.scenario(), joined.toString(), List.of(), faq.answer(),
                        faq.note(), faq.tags(), faq.products(), faq.negatives());
                Files.write(target.resolve(LoadedContent.relativePath(merged)), EntryCodec.toYaml(merged));
            }
        }
        return cut;
    }

    /** Mean µs per search over one pass of the message mix (the first pass of all, round -1, is warm-up). */
    private static double roundMicros(KnowledgeBase kb, List<String> queries) {
        long start = System.nanoTime();
        for (String query : queries) {
            kb.search(SearchRequest.of(query, 10));
        }
        return (System.nanoTime() - start) / 1e3 / queries.size();
    }
}
