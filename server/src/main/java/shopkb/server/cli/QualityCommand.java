package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.editing.Folders;
import shopkb.KnowledgeBase;
import shopkb.ShopFolders;
import shopkb.quality.LabelledQuery;
import shopkb.quality.QualityEvaluator;
import shopkb.quality.QualityReport;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;

/**
 * {@code quality FILE.tsv}: hit@1, hit@3, MRR, confidence and in-process latency over labelled messages, side by
 * side for the plain smartcn BM25 baseline, words only, meaning only, both fused (what the server runs), and the
 * fused chain without each lexical component; then the misses of the fused chain.
 */
public final class QualityCommand {

    private QualityCommand() {
    }

    /** The configurations compared, by name. */
    static Map<String, RankingOptions> configurations(boolean ablation) {
        var configs = new LinkedHashMap<String, RankingOptions>();
        configs.put("baseline", RankingOptions.baseline());
        configs.put("words", RankingOptions.full().without("meaning"));
        configs.put("meaning", RankingOptions.full().without("words"));
        configs.put("fused", RankingOptions.full());
        if (ablation) {
            for (String component : RankingOptions.COMPONENTS) {
                if (!component.equals("words") && !component.equals("meaning")) {
                    configs.put("-" + component, RankingOptions.full().without(component));
                }
            }
        }
        return configs;
    }

    /**
     * @param ablation also the rows without each lexical component (slow on large sets)
     */
    public static void run(Path queriesFile, Path contentDir, boolean ablation, PrintStream out) throws IOException {
        List<LabelledQuery> queries = LabelledQuery.readTsv(queriesFile);
        MeaningModel model = MeaningModel.load();
        var reports = new ArrayList<QualityReport>();
        int entries = 0;
        // One folder of meaning vectors for every configuration: encoded once, then reused as the server reuses them.
        Path dataRoot = Files.createTempDirectory("shopkb-quality");
        try {
            for (var config : configurations(ablation).entrySet()) {
                if (config.getValue().meaning() && !config.getValue().words() && !model.available()) {
                    continue;
                }
                // On disk like the server's index (memory-mapped), so the latency columns are the server's.
                Path dataDir = dataRoot.resolve(config.getKey());
                Files.createDirectories(dataDir);
                Files.createSymbolicLink(dataDir.resolve(ShopFolders.MEANING), Files.createDirectories(dataRoot.resolve(ShopFolders.MEANING)));
                try (KnowledgeBase kb = KnowledgeBase.open(contentDir, dataDir, config.getValue(), model)) {
                    entries = kb.content().entries().size();
                    reports.add(QualityEvaluator.evaluate(config.getKey(), kb.searchService(), queries));
                }
                Folders.delete(dataDir.resolve(ShopFolders.INDEX));
            }
        } finally {
            Folders.delete(dataRoot);
        }
        int offTopic = reports.getFirst().offTopic();
        out.printf("%d queries%s from %s, content %s (%d entries); meaning: %s%n%n", reports.getFirst().queries(),
                offTopic == 0 ? "" : " and " + offTopic + " off-topic lines", queriesFile, contentDir, entries, model.detail());
        out.printf("%-12s %7s %7s %7s %9s %8s %8s %9s %9s %9s%n", "config", "hit@1", "hit@3", "MRR", "confident",
                "conf ok", "other ok", "off conf", "p50 ms", "p99 ms");
        for (QualityReport report : reports) {
            out.printf("%-12s %7.3f %7.3f %7.3f %9.3f %8s %8s %9s %9.3f %9.3f%n", report.name(), report.hitAt1(),
                    report.hitAt3(), report.mrr(), report.confident(), share(report.rightWhenConfident()),
                    share(report.rightOtherwise()), report.offTopicConfident() + "/" + report.offTopic(),
                    report.p50Millis(), report.p99Millis());
        }
        QualityReport fused = reports.stream().filter(r -> r.name().equals("fused")).findFirst().orElse(reports.get(1));
        out.printf("%nconf ok: right among answers flagged confident; other ok: right among the rest; off conf: off-topic"
                + " lines flagged confident.%nmisses of '%s' (%d):%n", fused.name(), fused.misses().size());
        for (QualityReport.Miss miss : fused.misses()) {
            out.printf("  %s\texpected %s\tgot %s\trank %s%n", miss.query(), miss.expected(), miss.got(),
                    miss.rank() < 0 ? "-" : miss.rank());
        }
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }
}
