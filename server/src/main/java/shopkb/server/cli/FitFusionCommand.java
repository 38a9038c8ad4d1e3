package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import shopkb.editing.Folders;
import shopkb.KnowledgeBase;
import shopkb.quality.FusionFitter;
import shopkb.quality.LabelledQuery;
import shopkb.search.RankingOptions;
import shopkb.semantic.MeaningModel;

/**
 * {@code fit-fusion QUERIES.tsv@CONTENT ...}: fits the weights of the words-and-meaning fusion and its confidence
 * model on labelled messages, each file searched on its own knowledge base, and prints them with the results they
 * give, for {@code RankFusion}'s constants.
 */
public final class FitFusionCommand {

    private FitFusionCommand() {
    }

    public static void run(List<String> specs, PrintStream out) throws IOException {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("fit-fusion needs QUERIES.tsv@CONTENT-FOLDER arguments");
        }
        MeaningModel model = MeaningModel.load();
        if (!model.available()) {
            throw new IllegalStateException(model.detail());
        }
        var kbs = new ArrayList<KnowledgeBase>();
        Path data = Files.createTempDirectory("shopkb-fit");
        try {
            var sets = new ArrayList<FusionFitter.LabelledSet>();
            for (String spec : specs) {
                int at = spec.lastIndexOf('@');
                if (at <= 0) {
                    throw new IllegalArgumentException("expected QUERIES.tsv@CONTENT-FOLDER, got " + spec);
                }
                Path queries = Path.of(spec.substring(0, at));
                KnowledgeBase kb = KnowledgeBase.open(Path.of(spec.substring(at + 1)), data.resolve("kb" + kbs.size()),
                        RankingOptions.full(), model);
                kbs.add(kb);
                sets.add(new FusionFitter.LabelledSet(queries.getFileName() + "@" + Path.of(spec.substring(at + 1)).getFileName(),
                        LabelledQuery.readTsv(queries), kb.searchService()));
            }
            FusionFitter.Fit fit = FusionFitter.fit(sets);
            out.println("weights:    " + fit.weights());
            out.println("confidence: " + fit.confidence());
            out.printf("%n%-40s %6s %7s %7s %9s %8s %8s %9s%n", "set", "n", "hit@1", "MRR", "confident", "conf ok",
                    "other ok", "off conf");
            for (FusionFitter.SetResult r : fit.results()) {
                out.printf("%-40s %6d %7.3f %7.3f %9.3f %8.3f %8.3f %9s%n", r.name(), r.queries(), r.hitAt1(), r.mrr(),
                        r.confidentRight(), r.rightWhenConfident(), r.rightOtherwise(), r.offTopicConfident() + "/" + r.offTopic());
            }
        } finally {
            for (KnowledgeBase kb : kbs) {
                kb.close();
            }
            Folders.delete(data);
        }
    }
}
