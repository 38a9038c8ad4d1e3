package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;
import shopkb.UnitEngine;
import shopkb.indexing.UnitIndex;

/**
 * Shops' units kept and searched in an OpenSearch cluster with the shopkb analysis plugin on every node: one index per
 * shop (see {@link ClusterUnitIndex}). Queries are built, and hits ranked further, by the same code as the embedded
 * engine's; only the units' BM25 search runs in the cluster.
 */
public final class ClusterEngine implements UnitEngine {

    /** Names the shops' indexes begin with: {@code shopkb-<shop>}. */
    public static final String DEFAULT_PREFIX = "shopkb-";
    static final String PLUGIN = "shopkb-analysis";

    private final ClusterClient client;
    private final String prefix;

    private ClusterEngine(ClusterClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    /**
     * The engine over the cluster {@code client} reaches, its shops' indexes named {@code prefix + shop}.
     *
     * @throws IllegalStateException when the cluster cannot be reached or a node lacks the analysis plugin
     */
    public static ClusterEngine connect(ClusterClient client, String prefix) {
        if (!prefix.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("an index prefix is lower-case letters, digits, - and _, got '" + prefix + "'");
        }
        ClusterClient.Response nodes = client.get("/_cat/nodes?format=json&h=name");
        ClusterClient.Response plugins = client.get("/_cat/plugins?format=json");
        if (!nodes.ok() || !plugins.ok()) {
            throw new IllegalStateException("the OpenSearch cluster at " + client.nodes() + " does not list its nodes: " + nodes);
        }
        var without = new TreeSet<String>();
        nodes.body().forEach(node -> without.add(node.path("name").asText()));
        for (JsonNode plugin : plugins.body()) {
            if (PLUGIN.equals(plugin.path("component").asText())) {
                without.remove(plugin.path("name").asText());
            }
        }
        if (!without.isEmpty()) {
            throw new IllegalStateException("OpenSearch nodes " + without + " lack the " + PLUGIN + " plugin; install "
                    + "opensearch-plugin/target/shopkb-opensearch-plugin-*.zip on every node (see README, Running on a cluster)");
        }
        return new ClusterEngine(client, prefix);
    }

    public ClusterClient client() {
        return client;
    }

    /** Where the shops' content and history are kept in this cluster. */
    public ClusterContentHome contentHome() {
        return new ClusterContentHome(client, prefix);
    }

    /** The alias through which the shop's units are searched. */
    public String indexOf(String shop) {
        return ClusterUnitIndex.alias(prefix, shop);
    }

    /**
     * Deletes the shop's index from the cluster (its content stays where it is kept; the next open builds the index
     * again).
     */
    public void drop(String shop) {
        ClusterClient.Response aliases = client.get("/_alias/" + indexOf(shop));
        if (aliases.status() == 404) {
            return;
        }
        if (!aliases.ok()) {
            throw new IllegalStateException("cannot read the alias " + indexOf(shop) + ": " + aliases);
        }
        for (String index : (Iterable<String>) aliases.body()::fieldNames) {
            ClusterClient.Response deleted = client.delete("/" + index);
            if (!deleted.ok()) {
                throw new IllegalStateException("cannot delete " + index + ": " + deleted);
            }
        }
    }

    @Override
    public UnitIndex open(Opening opening) {
        return ClusterUnitIndex.open(client, indexOf(opening.shop()), opening.vocabulary(), opening.fingerprint(),
                opening.entries(), opening.meaning(), opening.scheduler());
    }
}
