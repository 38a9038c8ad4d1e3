package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.editing.Folders;
import shopkb.KnowledgeBase;
import shopkb.ShopFolders;
import shopkb.quality.LabelledQuery;
import shopkb.quality.QualityEvaluator;
import shopkb.quality.QualityReport;
import shopkb.SharedResources;
import shopkb.analysis.AnalysisOptions;
import shopkb.opensearch.engine.ClusterEngine;
import shopkb.search.RankingOptions;
import shopkb.server.RunningEngine;
import shopkb.semantic.MeaningModel;

/**
 * {@code quality FILE.tsv}: hit@1, hit@3, MRR, confidence and in-process latency over labelled messages, side by
 * side for the plain smartcn BM25 baseline, words only, meaning only, both fused (what the server runs), and the
 * fused chain without each lexical component; then the misses of the fused chain. With {@code --engine opensearch}, also
 * each of these configurations whose analysis the cluster runs (the full chain) with the units in the cluster, the
 * rows marked {@code os:}, and how far each is from the embedded row (the parity).
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
            for (String component : RankingOptions.LEXICAL_COMPONENTS) {
                configs.put("-" + component, RankingOptions.full().without(component));
            }
        }
        return configs;
    }

    /** Marks the rows measured with the units in the cluster. */
    static final String CLUSTER_ROW = "os:";

    /**
     * @param ablation also the rows without each lexical component (slow on large sets)
     * @param engine where the units are for the {@code os:} rows, or null for the embedded rows only
     */
    public static void run(Path queriesFile, Path contentDir, boolean ablation, RunningEngine engine, PrintStream out)
            throws IOException {
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
                Path dataDir = dataFolder(dataRoot, config.getKey());
                try (KnowledgeBase kb = KnowledgeBase.open(contentDir, dataDir, config.getValue(), model)) {
                    entries = kb.content().entries().size();
                    reports.add(QualityEvaluator.evaluate(config.getKey(), kb.searchService(), queries));
                }
                Folders.delete(dataDir.resolve(ShopFolders.INDEX));
                if (engine != null && engine.cluster() != null && config.getValue().analysis().equals(AnalysisOptions.full())) {
                    reports.add(inCluster(engine.cluster(), config.getKey(), config.getValue(), model,
                            dataFolder(dataRoot, CLUSTER_ROW + config.getKey()), contentDir, queries));
                }
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
        if (engine != null && engine.cluster() != null) {
            out.printf("%nunits in %s; parity (os: row minus embedded row):%n", engine.description());
            for (QualityReport cluster : reports) {
                if (cluster.name().startsWith(CLUSTER_ROW)) {
                    QualityReport embedded = reports.stream().filter(r -> r.name().equals(cluster.name().substring(CLUSTER_ROW.length())))
                            .findFirst().orElseThrow();
                    out.printf("  %-10s hit@1 %+.3f  MRR %+.3f  (%d of %d tops differ)%n", embedded.name(),
                            cluster.hitAt1() - embedded.hitAt1(), cluster.mrr() - embedded.mrr(),
                            differingTops(embedded, cluster), embedded.queries() + embedded.offTopic());
                }
            }
        }
        QualityReport fused = reports.stream().filter(r -> r.name().equals("fused")).findFirst().orElse(reports.get(1));
        out.printf("%nconf ok: right among answers flagged confident; other ok: right among the rest; off conf: off-topic"
                + " lines flagged confident.%nmisses of '%s' (%d):%n", fused.name(), fused.misses().size());
        for (QualityReport.Miss miss : fused.misses()) {
            out.printf("  %s\texpected %s\tgot %s\trank %s%n", miss.query(), miss.expected(), miss.got(),
                    miss.rank() < 0 ? "-" : miss.rank());
        }
    }

    /** The configuration with its units in the cluster, in an index of its own, deleted afterwards. */
    private static QualityReport inCluster(ClusterEngine cluster, String name, RankingOptions options, MeaningModel model,
                                           Path dataDir, Path contentDir, List<LabelledQuery> queries) throws IOException {
        String shop = "quality-" + name.replaceAll("[^a-z0-9]", "");
        try (SharedResources shared = SharedResources.standalone(options, model, cluster);
             KnowledgeBase kb = KnowledgeBase.open(shop, new ShopFolders(contentDir, dataDir), shared)) {
            return QualityEvaluator.evaluate(CLUSTER_ROW + name, kb.searchService(), queries);
        } finally {
            cluster.drop(shop);
        }
    }

    /** A configuration's data folder, its meaning vectors shared with every other configuration's. */
    private static Path dataFolder(Path dataRoot, String name) throws IOException {
        Path dataDir = Files.createDirectories(dataRoot.resolve(name.replace(":", "-")));
        Files.createSymbolicLink(dataDir.resolve(ShopFolders.MEANING), Files.createDirectories(dataRoot.resolve(ShopFolders.MEANING)));
        return dataDir;
    }

    /** How many labelled messages' top results differ between two rows (their misses differ). */
    private static long differingTops(QualityReport a, QualityReport b) {
        var aMisses = new HashMap<String, String>();
        a.misses().forEach(m -> aMisses.put(m.query(), m.got()));
        var bMisses = new HashMap<String, String>();
        b.misses().forEach(m -> bMisses.put(m.query(), m.got()));
        var queries = new java.util.HashSet<>(aMisses.keySet());
        queries.addAll(bMisses.keySet());
        return queries.stream().filter(q -> !java.util.Objects.equals(aMisses.get(q), bMisses.get(q))).count();
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }
}
