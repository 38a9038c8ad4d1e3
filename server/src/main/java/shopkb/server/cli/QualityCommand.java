package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import shopkb.KnowledgeBase;
import shopkb.quality.LabelledQuery;
import shopkb.quality.QualityEvaluator;
import shopkb.quality.QualityReport;
import shopkb.search.SearchService;

/** {@code quality FILE.tsv}: hit@1, hit@3, MRR and latency of the search over labelled messages, plus the misses. */
public final class QualityCommand {

    private QualityCommand() {
    }

    public static void run(Path queriesFile, Path contentDir, PrintStream out) throws IOException {
        List<LabelledQuery> queries = LabelledQuery.readTsv(queriesFile);
        try (KnowledgeBase kb = KnowledgeBase.inMemory(contentDir)) {
            var service = new SearchService(kb.index(), kb.store());
            QualityReport report = QualityEvaluator.evaluate("full", service, queries);
            out.printf("%d queries from %s, content %s (%d entries)%n%n", queries.size(), queriesFile, contentDir,
                    kb.content().entries().size());
            out.printf("%-12s %7s %7s %7s %9s %9s%n", "config", "hit@1", "hit@3", "MRR", "p50 ms", "p99 ms");
            out.printf("%-12s %7.3f %7.3f %7.3f %9.3f %9.3f%n", report.name(), report.hitAt1(), report.hitAt3(),
                    report.mrr(), report.p50Millis(), report.p99Millis());
            out.printf("%nmisses of '%s' (%d):%n", report.name(), report.misses().size());
            for (QualityReport.Miss miss : report.misses()) {
                out.printf("  %s\texpected %s\tgot %s\trank %s%n", miss.query(), miss.expected(), miss.got(),
                        miss.rank() < 0 ? "-" : miss.rank());
            }
        }
    }
}
