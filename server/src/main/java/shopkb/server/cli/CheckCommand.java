package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import shopkb.KnowledgeBase;
import shopkb.check.RuleSet;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;
import shopkb.check.CheckEvaluator;
import shopkb.check.ReplyChecker;

/**
 * {@code check-quality FILE.tsv}: precision and recall per reply rule over labelled drafts.
 * {@code check-bench}: latency of checking a 500-character draft.
 */
public final class CheckCommand {

    private CheckCommand() {
    }

    public static void quality(Path file, Path contentDir, PrintStream out) throws IOException {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(contentDir, RankingOptions.full(), MeaningModel.load())) {
            var drafts = CheckEvaluator.readTsv(file);
            CheckEvaluator.Report report = CheckEvaluator.evaluate(kb.checker(), drafts);
            out.printf("%d drafts from %s, %d rules from %s; meaning: %s%n%n", drafts.size(), file, countRules(contentDir),
                    contentDir.resolve(RuleSet.FOLDER), kb.health().meaning().status());
            out.printf("%-20s %5s %5s %5s %9s %7s%n", "rule", "TP", "FP", "FN", "precision", "recall");
            for (CheckEvaluator.Score score : report.rules()) {
                print(out, score);
            }
            print(out, report.overall());
            out.printf("%nwrong drafts (%d):%n", report.errors().size());
            report.errors().forEach(e -> out.println("  " + e));
        }
    }

    public static void bench(Path contentDir, PrintStream out) throws IOException {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(contentDir, RankingOptions.full(), MeaningModel.load())) {
            ReplyChecker checker = kb.checker();
            String unit = "亲,您好,这款夹克是我们的热卖款,面料是棉混纺的,春秋季穿正合适。晕,你爱信不信,这个我不能改价格,"
                    + "我们保证3天到。买不买啊?";
            String draft = unit.repeat(500 / unit.length() + 1).substring(0, 500);
            String buyer = "质量太差了我要退款,175穿多大";
            for (int i = 0; i < 5_000; i++) {
                checker.check(draft, buyer, null);
            }
            int runs = 20_000;
            double[] micros = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                checker.check(draft, buyer, null);
                micros[i] = (System.nanoTime() - start) / 1000.0;
            }
            Arrays.sort(micros);
            out.printf("reply check of a %d-character draft, %d runs after warm-up: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, findings %d%n",
                    draft.length(), runs, micros[runs / 2], micros[(int) (runs * 0.99)], micros[(int) (runs * 0.999)],
                    checker.check(draft, buyer, null).size());
        }
    }

    private static long countRules(Path contentDir) throws IOException {
        try (var files = Files.list(contentDir.resolve(RuleSet.FOLDER))) {
            return files.count();
        }
    }

    private static void print(PrintStream out, CheckEvaluator.Score score) {
        out.printf("%-20s %5d %5d %5d %9.3f %7.3f%n", score.rule(), score.truePositives(), score.falsePositives(),
                score.falseNegatives(), score.precision(), score.recall());
    }
}
