package shopkb.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.opensearch.nodes.LocalCluster;
import shopkb.opensearch.nodes.LocalNode;
import shopkb.opensearch.nodes.NodeClient;

/**
 * Three real nodes with the plugin on each, a shop index of 3 shards with 1 replica analysed by it: killing the
 * elected cluster manager (also a data node) with SIGKILL leaves a search that finds everything it found before.
 */
class ClusterFailoverIT {

    /** The longest a search may fail after a node dies; the failover window. */
    static final Duration FAILOVER_WINDOW = Duration.ofSeconds(10);
    static final int SHARDS = 3;

    @TempDir
    static Path work;
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(work, 3, List.of(PluginInNodeIT.ZIP));
        System.out.printf("three nodes started in %d ms%n", cluster.startTime().toMillis());
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNodeLoadsThePlugin() throws Exception {
        var nodes = new TreeSet<String>();
        for (JsonNode plugin : cluster.client().get("/_cat/plugins?format=json").body()) {
            assertEquals("shopkb-analysis", plugin.path("component").asText());
            nodes.add(plugin.path("name").asText());
        }

        assertEquals(new TreeSet<>(List.of("node-0", "node-1", "node-2")), nodes);
    }

    @Test
    void aSearchKeepsFindingEverythingAfterTheClusterManagerIsKilled() throws Exception {
        NodeClient client = cluster.client();
        createShopIndex(client);
        int indexed = indexBuyerMessages(client);
        Map<String, Object> search = Map.of("size", 100, "track_total_hits", true,
                "query", Map.of("match", Map.of("message", "能便宜点吗")));
        JsonNode before = client.post("/shop/_search", search).body();
        int found = before.path("hits").path("total").path("value").asInt();
        assertTrue(found > 0 && found < indexed, "the search must find some messages, not all: " + found + " of " + indexed);

        LocalNode victim = cluster.clusterManager();
        long killedAt = System.nanoTime();
        victim.kill();
        LocalNode survivor = cluster.nodes().stream().filter(LocalNode::isAlive).findFirst().orElseThrow();
        JsonNode after = searchUntilAnswered(new NodeClient(survivor.uri()), search, killedAt);
        System.out.printf("killed %s (cluster manager); %s answered in full %d ms later%n", victim.name(), survivor.name(),
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis());

        assertEquals(ids(before), ids(after));
        cluster.awaitNodes(2, "yellow", Duration.ofSeconds(30));
        assertNotEquals(victim, cluster.clusterManager(), "a new cluster manager is elected");
    }

    private static void createShopIndex(NodeClient client) throws Exception {
        var settings = new HashMap<String, Object>(ShopIndexSettings.vocabulary(PluginInNodeIT.DEMO));
        settings.put("index.number_of_shards", SHARDS);
        settings.put("index.number_of_replicas", 1);
        Map<String, Object> mappings = Map.of("properties", Map.of(
                "message", Map.of("type", "text", "analyzer", "shopkb_words"),
                "intent", Map.of("type", "keyword")));
        NodeClient.Response created = client.put("/shop", Map.of("settings", settings, "mappings", mappings));
        assertEquals(200, created.status(), created.toString());
    }

    /** The labelled buyer messages as documents; returns when every replica is allocated (green). */
    private static int indexBuyerMessages(NodeClient client) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "quality", "buyer-messages.tsv"), StandardCharsets.UTF_8);
        var json = new ObjectMapper();
        var bulk = new StringBuilder();
        for (int i = 1; i < lines.size(); i++) {
            String[] columns = lines.get(i).split("\t");
            bulk.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n")
                    .append(json.writeValueAsString(
                            Map.of("message", columns[0], "intent", columns[1]))).append('\n');
        }
        NodeClient.Response indexed = client.post("/shop/_bulk?refresh=true", bulk.toString());
        assertEquals(200, indexed.status(), indexed.toString());
        assertTrue(!indexed.body().path("errors").asBoolean(true), indexed.toString());
        cluster.awaitNodes(3, "green", Duration.ofSeconds(60));
        return lines.size() - 1;
    }

    /**
     * Searches until an answer from every shard, failing if none comes within the failover window. (A shard with no
     * copy left is not counted as failed: only successful falls short of the shard count.)
     */
    private static JsonNode searchUntilAnswered(NodeClient client, Map<String, Object> search, long killedAt)
            throws InterruptedException {
        String last = "";
        while (System.nanoTime() - killedAt < FAILOVER_WINDOW.toNanos()) {
            try {
                NodeClient.Response response = client.post("/shop/_search", search);
                if (response.status() == 200 && response.body().path("_shards").path("successful").asInt() == SHARDS) {
                    return response.body();
                }
                last = response.toString();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no complete answer within " + FAILOVER_WINDOW + " of the kill; last: " + last);
    }

    private static TreeSet<String> ids(JsonNode answer) {
        var ids = new TreeSet<String>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }
}
