package shopkb.server;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where shops keep their units: {@code embedded} (a Lucene index in each shop's data folder, the default) or
 * {@code opensearch} (an OpenSearch cluster with the shopkb analysis plugin).
 *
 * @param kind {@code embedded} or {@code opensearch}
 * @param opensearch the cluster's node addresses, comma-separated; empty: none given
 * @param pluginZip the analysis plugin, installed on nodes this process starts itself (the quality command without a
 *                  cluster)
 * @param localNodes how many nodes such a local cluster has
 */
public record EngineConfig(String kind, String opensearch, Path pluginZip, int localNodes) {

    public static final String EMBEDDED = "embedded";
    public static final String OPENSEARCH = "opensearch";
    /** Where ./kb build leaves the plugin zip, from the project's folder. */
    public static final Path DEFAULT_PLUGIN = Path.of("opensearch-plugin", "target", "shopkb-opensearch-plugin-0.1.0-SNAPSHOT.zip");

    public EngineConfig {
        if (!kind.equals(EMBEDDED) && !kind.equals(OPENSEARCH)) {
            throw new IllegalArgumentException("engine must be embedded or opensearch, got '" + kind + "'");
        }
        if (localNodes != 1 && localNodes != 3) {
            throw new IllegalArgumentException("opensearch-nodes must be 1 or 3, got " + localNodes);
        }
    }

    public static EngineConfig embedded() {
        return new EngineConfig(EMBEDDED, "", DEFAULT_PLUGIN, 1);
    }

    /** {@code --engine}, {@code --opensearch}, {@code --opensearch-plugin}, {@code --opensearch-nodes}, or KB_ENGINE, KB_OPENSEARCH. */
    static EngineConfig from(Map<String, String> flags, Map<String, String> env) {
        String kind = flags.getOrDefault("engine", env.getOrDefault("KB_ENGINE", EMBEDDED)).strip().toLowerCase(Locale.ROOT);
        String urls = flags.getOrDefault("opensearch", env.getOrDefault("KB_OPENSEARCH", "")).strip();
        if (!urls.isEmpty() && kind.equals(EMBEDDED) && !flags.containsKey("engine")) {
            kind = OPENSEARCH; // a cluster's address alone says which engine
        }
        String nodes = flags.getOrDefault("opensearch-nodes", "1");
        int localNodes;
        try {
            localNodes = Integer.parseInt(nodes.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("opensearch-nodes must be 1 or 3, got '" + nodes + "'");
        }
        return new EngineConfig(kind, urls, Path.of(flags.getOrDefault("opensearch-plugin", DEFAULT_PLUGIN.toString())), localNodes);
    }

    public boolean cluster() {
        return kind.equals(OPENSEARCH);
    }
}
