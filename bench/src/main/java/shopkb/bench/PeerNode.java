package shopkb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import shopkb.content.ContentLoader;
import shopkb.content.FaqEntry;
import shopkb.opensearch.nodes.LocalCluster;
import shopkb.opensearch.nodes.NodeClient;

/**
 * The engine a shop would otherwise pick: one plain OpenSearch node (the project's launcher, default settings, full JIT),
 * every FAQ question of the synthetic content in one text field analysed by Lucene's smartcn analyzer, searched with a
 * {@code match} query of size 10 over HTTP, the same message mix as the server gets.
 */
final class PeerNode implements AutoCloseable {

    static final String INDEX = "questions";
    /** What {@code mvn package} builds; it registers Lucene's smartcn analyzer as {@code smartcn}. */
    static final Path DEFAULT_PLUGIN_ZIP = Path.of("opensearch-plugin", "target", "shopkb-opensearch-plugin-0.1.0-SNAPSHOT.zip");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_DOCS = 2000;

    private final LocalCluster cluster;
    private final int documents;

    private PeerNode(LocalCluster cluster, int documents) {
        this.cluster = cluster;
        this.documents = documents;
    }

    /** Starts a node under {@code dir} and indexes the FAQs of {@code content}, one document per FAQ. */
    static PeerNode start(Path dir, Path pluginZip, Path content) throws IOException, InterruptedException {
        if (!Files.isRegularFile(pluginZip)) {
            throw new IllegalStateException(pluginZip + " is missing: run ./kb build first");
        }
        LocalCluster cluster = LocalCluster.start(dir, 1, List.of(pluginZip), LocalCluster.Compilation.FULL);
        try {
            NodeClient client = cluster.client();
            expect(client.put("/" + INDEX, Map.of(
                    "settings", Map.of("index.number_of_replicas", 0),
                    "mappings", Map.of("properties", Map.of("question", Map.of("type", "text", "analyzer", "smartcn"))))));
            List<FaqEntry> faqs = new ContentLoader(content).load().entries().values().stream()
                    .filter(FaqEntry.class::isInstance).map(FaqEntry.class::cast).toList();
            var bulk = new StringBuilder();
            for (int i = 0; i < faqs.size(); i++) {
                FaqEntry faq = faqs.get(i);
                bulk.append(JSON.writeValueAsString(Map.of("index", Map.of("_index", INDEX, "_id", faq.id())))).append('\n')
                        .append(JSON.writeValueAsString(Map.of("question", faq.allQuestions()))).append('\n');
                if ((i + 1) % BULK_DOCS == 0 || i == faqs.size() - 1) {
                    NodeClient.Response response = expect(client.post("/_bulk", bulk.toString()));
                    if (response.body().path("errors").asBoolean()) {
                        throw new IllegalStateException("bulk indexing failed: " + response.body().toString().substring(0, 500));
                    }
                    bulk.setLength(0);
                }
            }
            expect(client.post("/" + INDEX + "/_refresh", null));
            return new PeerNode(cluster, faqs.size());
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The node's REST address, e.g. http://127.0.0.1:41234. */
    String base() {
        return cluster.nodes().getFirst().uri().toString();
    }

    int documents() {
        return documents;
    }

    /** The search requests for the message mix: {@code match} on the questions, size 10, otherwise OpenSearch's defaults. */
    static List<WrkLoad.Request> searches(List<String> queries) {
        return queries.stream().map(q -> {
            try {
                return new WrkLoad.Request("/" + INDEX + "/_search",
                        JSON.writeValueAsString(Map.of("size", 10, "query", Map.of("match", Map.of("question", q)))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static NodeClient.Response expect(NodeClient.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("OpenSearch answered " + response);
        }
        return response;
    }

    @Override
    public void close() throws InterruptedException {
        cluster.close();
    }
}
