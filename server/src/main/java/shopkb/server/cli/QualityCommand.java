package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shopkb.KnowledgeBase;
import shopkb.quality.LabelledQuery;
import shopkb.quality.QualityEvaluator;
import shopkb.quality.QualityReport;
import shopkb.search.RankingOptions;

/**
 * {@code quality FILE.tsv}: hit@1, hit@3, MRR and in-process latency over labelled messages, side by side for
 * the plain smartcn BM25 baseline, the full chain, and the full chain without each component; then the
 * misses of the full chain.
 */
public final class QualityCommand {

    private QualityCommand() {
    }

    /** The configurations compared, by name: baseline, full, and full minus one component each. */
    static Map<String, RankingOptions> configurations() {
        var configs = new LinkedHashMap<String, RankingOptions>();
        configs.put("baseline", RankingOptions.baseline());
        configs.put("full", RankingOptions.full());
        for (String component : RankingOptions.COMPONENTS) {
            configs.put("-" + component, RankingOptions.full().without(component));
        }
        return configs;
    }

    public static void run(Path queriesFile, Path contentDir, PrintStream out) throws IOException {
        List<LabelledQuery> queries = LabelledQuery.readTsv(queriesFile);
        var reports = new ArrayList<QualityReport>();
        int entries = 0;
        for (var config : configurations().entrySet()) {
            // On disk like the server's index (memory-mapped), so the latency columns are the server's.
            Path dataDir = Files.createTempDirectory("shopkb-quality");
            try (KnowledgeBase kb = KnowledgeBase.open(contentDir, dataDir, config.getValue())) {
                entries = kb.content().entries().size();
                reports.add(QualityEvaluator.evaluate(config.getKey(), kb.searchService(), queries));
            } finally {
                TempFolders.delete(dataDir);
            }
        }
        out.printf("%d queries from %s, content %s (%d entries)%n%n", queries.size(), queriesFile, contentDir, entries);
        out.printf("%-12s %7s %7s %7s %9s %9s %9s%n", "config", "hit@1", "hit@3", "MRR", "confident", "p50 ms", "p99 ms");
        for (QualityReport report : reports) {
            out.printf("%-12s %7.3f %7.3f %7.3f %9.3f %9.3f %9.3f%n", report.name(), report.hitAt1(), report.hitAt3(),
                    report.mrr(), report.confident(), report.p50Millis(), report.p99Millis());
        }
        QualityReport full = reports.get(1);
        out.printf("%nmisses of '%s' (%d):%n", full.name(), full.misses().size());
        for (QualityReport.Miss miss : full.misses()) {
            out.printf("  %s\texpected %s\tgot %s\trank %s%n", miss.query(), miss.expected(), miss.got(),
                    miss.rank() < 0 ? "-" : miss.rank());
        }
    }
}
