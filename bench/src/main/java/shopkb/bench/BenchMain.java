package shopkb.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import shopkb.server.EngineConfig;
import shopkb.server.ServerConfig;
import shopkb.server.cli.Flags;

/**
 * {@code bench [--sizes 10000,100000] [--seconds 10] [--warmup 30] [--semantic true|false] [--peer true|false]},
 * {@code bench --components true [--sizes 10000] [--rounds 8]}, {@code bench --shops 1000 [--entries 200]
 * [--seconds 10] [--semantic true|false]}, {@code soak [--seconds 300] [--windows 10]} and {@code faults
 * [--seconds-per-phase 20] [--entries 2000]}; {@code --content DIR} names the demo content the synthetic knowledge bases
 * are made from.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = Arrays.asList(args);
        if (words.isEmpty()) {
            usage();
            System.exit(2);
        }
        try {
            Flags flags = Flags.parse(words.subList(1, words.size()));
            Map<String, String> named = flags.named();
            Path demo = ServerConfig.from(Map.of("content", named.getOrDefault("content", "")), System.getenv()).contentDir();
            double seconds = Double.parseDouble(named.getOrDefault("seconds", words.getFirst().equals("soak") ? "300" : "10"));
            boolean semantic = Boolean.parseBoolean(named.getOrDefault("semantic", "true"));
            switch (words.getFirst()) {
                case "bench" -> {
                    if (Boolean.parseBoolean(named.getOrDefault("components", "false"))) {
                        ComponentCosts.run(demo, Integer.parseInt(named.getOrDefault("sizes", "10000").split(",")[0].strip()),
                                Integer.parseInt(named.getOrDefault("rounds", "8")), System.out);
                    } else if (named.containsKey("shops")) {
                        ShopsBench.run(demo, Integer.parseInt(named.get("shops")), Integer.parseInt(named.getOrDefault("entries", "200")),
                                seconds, semantic, System.out);
                    } else {
                        Path peer = Boolean.parseBoolean(named.getOrDefault("peer", "true"))
                                ? Path.of(named.getOrDefault("peer-plugin", PeerNode.DEFAULT_PLUGIN_ZIP.toString())) : null;
                        BenchCommand.run(demo, Arrays.stream(named.getOrDefault("sizes", "10000,100000").split(","))
                                .map(String::strip).map(Integer::parseInt).toList(),
                                new BenchCommand.Timing(seconds, Double.parseDouble(named.getOrDefault("warmup", "30"))), semantic, peer,
                                named.getOrDefault("engine", "embedded").equals("opensearch"), System.out);
                    }
                }
                case "soak" -> Soak.run(demo, seconds, Integer.parseInt(named.getOrDefault("windows", "10")), System.out);
                case "faults" -> System.exit(FaultRun.run(demo, Double.parseDouble(named.getOrDefault("seconds-per-phase", "20")),
                        Integer.parseInt(named.getOrDefault("entries", "2000")),
                        Path.of(named.getOrDefault("opensearch-plugin", EngineConfig.DEFAULT_PLUGIN.toString())), System.out));
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
        System.err.println("usage: shopkb bench [--sizes 10000,100000] [--seconds 10] [--warmup 30] [--semantic true|false] [--peer true|false]\n"
                + "             [--engine opensearch]   (also the same server with its units in a local OpenSearch node)");
        System.err.println("       shopkb bench --components true [--sizes 10000] [--rounds 8]   (each words component's cost, and one unit per FAQ's)");
        System.err.println("       shopkb bench --shops 1000 [--entries 200] [--seconds 10] [--semantic true|false]");
        System.err.println("       shopkb soak [--seconds 300] [--windows 10]");
        System.err.println("       shopkb faults [--seconds-per-phase 20] [--entries 2000]   (3 OpenSearch nodes, 2 servers, kill -9 of each kind)");
    }
}
