package shopkb.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import shopkb.server.cli.CheckCommand;
import shopkb.server.cli.FitFusionCommand;
import shopkb.server.cli.Flags;
import shopkb.server.cli.QualityCommand;
import shopkb.server.cli.ReplayCommand;
import shopkb.server.cli.ServeCommand;
import shopkb.server.cli.ShopCommand;
import shopkb.server.cli.TokenCommand;
import shopkb.server.cli.TsvContentCommand;

/** Command line: {@code serve [--port N --host H --content DIR --data DIR --web DIR]} and {@code quality FILE.tsv}. */
public final class Main {

    /** Held so the level sticks: Lucene's note that the vector API is off does not concern BM25 search. */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
        List<String> words = Arrays.asList(args);
        if (words.isEmpty()) {
            usage();
            System.exit(2);
        }
        try {
            Flags flags = Flags.parse(words.subList(1, words.size()));
            ServerConfig config = ServerConfig.from(flags.named(), System.getenv());
            switch (words.getFirst()) {
                case "serve" -> ServeCommand.run(config, System.out);
                case "quality" -> {
                    if (flags.positional().size() != 1) {
                        throw new IllegalArgumentException("quality needs one file of query<TAB>intent lines");
                    }
                    try (RunningEngine engine = RunningEngine.open(config.engine(), true)) {
                        QualityCommand.run(Path.of(flags.positional().getFirst()), config.contentDir(),
                                Boolean.parseBoolean(flags.named().getOrDefault("ablation", "true")), engine, System.out);
                    }
                }
                case "check-quality" -> {
                    if (flags.positional().size() != 1) {
                        throw new IllegalArgumentException("check-quality needs one file of draft<TAB>buyerMessage<TAB>rules lines");
                    }
                    CheckCommand.quality(Path.of(flags.positional().getFirst()), config.contentDir(), System.out);
                }
                case "fit-fusion" -> FitFusionCommand.run(flags.positional(), System.out);
                case "tsv-content" -> {
                    if (flags.positional().size() != 2) {
                        throw new IllegalArgumentException("tsv-content needs a file of id<TAB>question lines and a new folder");
                    }
                    TsvContentCommand.run(Path.of(flags.positional().get(0)), Path.of(flags.positional().get(1)), System.out);
                }
                case "check-bench" -> CheckCommand.bench(config.contentDir(), System.out);
                case "replay" -> ReplayCommand.run(config, flags.named().get("day"), System.out);
                case "token" -> TokenCommand.run(flags.positional(), flags.named().get("role"), flags.named().get("shops"), config,
                        System.out);
                case "shop" -> ShopCommand.run(flags.positional(), flags.named(), config, System.out);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("shopkb: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void usage() {
        System.err.println("usage: shopkb serve [--port 7070] [--host 127.0.0.1] [--content faq-content] [--data data] [--web web]");
        System.err.println("                    [--engine embedded|opensearch --opensearch http://host:9200[,...]]");
        System.err.println("       shopkb quality FILE.tsv [--content faq-content] [--ablation true|false]");
        System.err.println("                    [--engine opensearch [--opensearch URL[,...] | --opensearch-nodes 1|3]]");
        System.err.println("       shopkb fit-fusion QUERIES.tsv@CONTENT ...   (fits the words-and-meaning fusion)");
        System.err.println("       shopkb tsv-content FAQ.tsv DIR   (one intent and FAQ per id<TAB>question line)");
        System.err.println("       shopkb check-quality DRAFTS.tsv | check-bench  [--content faq-content]");
        System.err.println("       shopkb replay [--day YYYY-MM-DD] [--content faq-content] [--data data]");
        System.err.println("       shopkb token add NAME [--role admin|editor|agent|reader] [--shops a,b|*] | token revoke NAME | token list  [--data data]");
        System.err.println("       shopkb shop add NAME [--title T] [--copy-of SHOP] | shop remove NAME | shop list  [--data data]");
    }
}
