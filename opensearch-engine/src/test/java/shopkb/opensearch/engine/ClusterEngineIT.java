package shopkb.opensearch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import shopkb.KnowledgeBase;
import shopkb.SharedResources;
import shopkb.ShopFolders;
import shopkb.content.PhrasingEntry;
import shopkb.editing.Folders;
import shopkb.opensearch.nodes.LocalCluster;
import shopkb.opensearch.nodes.LocalNode;
import shopkb.indexing.EngineUnavailableException;
import shopkb.search.RankingOptions;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.search.SearchResult;
import shopkb.semantic.MeaningModel;

/**
 * The cluster engine on three real OpenSearch 3.9.0 nodes with the plugin installed: the same ranking as the embedded
 * engine, edits searchable at once, a vocabulary change on a new index, the index reused when content is unchanged, and
 * searches answering after a node is killed (last: it takes a node away).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEngineIT {

    /** The zip {@code mvn package} built in opensearch-plugin; failsafe passes its path. */
    static final Path ZIP = Path.of(Objects.requireNonNull(System.getProperty("shopkb.plugin.zip"),
            "shopkb.plugin.zip is not set: run the tests on real nodes with mvn verify"));
    static final Path DEMO = Path.of("..", "faq-content");
    /** Ranking by words: what runs in the cluster (meaning is the same server-side code for both engines). */
    static final RankingOptions WORDS = RankingOptions.full().without("meaning");

    @TempDir
    static Path work;
    static LocalCluster cluster;
    static ClusterEngine engine;
    static SharedResources shared;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(work.resolve("cluster"), 3, List.of(ZIP));
        System.out.printf("three nodes started in %d ms%n", cluster.startTime().toMillis());
        engine = ClusterEngine.connect(new ClusterClient(cluster.uris()), "test-");
        shared = SharedResources.standalone(WORDS, MeaningModel.off(), engine);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (shared != null) {
            shared.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyLabelledMessageRanksAsInTheEmbeddedEngineWithTheSameScores() throws Exception {
        List<String> messages = messages();
        var differences = new ArrayList<String>();
        int compared = 0;
        try (KnowledgeBase embedded = KnowledgeBase.inMemory(DEMO, WORDS, MeaningModel.off());
             KnowledgeBase clustered = KnowledgeBase.open("parity", new ShopFolders(DEMO, work.resolve("parity")), shared)) {
            for (String message : messages) {
                SearchResponse expected = embedded.search(SearchRequest.of(message, 10));
                SearchResponse actual = clustered.search(SearchRequest.of(message, 10));
                compared += expected.results().size();
                if (!ranking(expected).equals(ranking(actual)) || expected.confident() != actual.confident()
                        || Math.abs(expected.confidence() - actual.confidence()) > 1e-9) {
                    differences.add(message + "\n  embedded: " + ranking(expected) + " " + expected.confidence()
                            + "\n  cluster:  " + ranking(actual) + " " + actual.confidence());
                }
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " of " + messages.size() + " messages rank differently:\n"
                + String.join("\n", differences));
        assertTrue(compared > 2000, "only " + compared + " results compared");
    }

    @Test
    @Order(2)
    void anEditIsSearchableAtOnceAndADeleteIsGoneAtOnce() throws Exception {
        Path content = Folders.copy(DEMO, work.resolve("edits-content"));
        try (KnowledgeBase kb = KnowledgeBase.open("edits", new ShopFolders(content, work.resolve("edits-data")), shared)) {
            assertNotEquals("phr.jitu", top(kb, "极兔"));

            var created = kb.editor().create(new PhrasingEntry("phr.jitu", "shipping.carriers", "物流", "极兔快递",
                    "亲,极兔快递也可以发哦", null, null, null, null), "test");
            assertEquals("phr.jitu", top(kb, "极兔"));

            kb.editor().delete("phr.jitu", created.etag(), "test");
            assertNotEquals("phr.jitu", top(kb, "极兔"));
        }
    }

    @Test
    @Order(3)
    void reopeningUnchangedContentReusesTheIndexAndChangedContentRebuildsIt() throws Exception {
        Path content = Folders.copy(DEMO, work.resolve("reuse-content"));
        var folders = new ShopFolders(content, work.resolve("reuse-data"));
        try (KnowledgeBase first = KnowledgeBase.open("reuse", folders, shared)) {
            assertFalse(first.health().indexReused());
        }
        try (KnowledgeBase second = KnowledgeBase.open("reuse", folders, shared)) {
            assertTrue(second.health().indexReused(), second.health().indexReason());
        }
        Files.writeString(content.resolve("phrasing/phr.jitu.yaml"), """
                id: phr.jitu
                intent: shipping.carriers
                scenario: 物流
                title: 极兔快递
                text: 亲,极兔快递也可以发哦
                """, StandardCharsets.UTF_8);
        try (KnowledgeBase third = KnowledgeBase.open("reuse", folders, shared)) {
            assertFalse(third.health().indexReused());
            assertEquals("content, vocabulary or index format changed", third.health().indexReason());
            assertEquals("phr.jitu", top(third, "极兔"));
        }
    }

    @Test
    @Order(4)
    void aNewDomainWordIsAppliedThroughANewIndexBehindTheSameAlias() throws Exception {
        Path content = Folders.copy(DEMO, work.resolve("words-content"));
        try (KnowledgeBase kb = KnowledgeBase.open("words", new ShopFolders(content, work.resolve("words-data")), shared)) {
            List<String> before = indexesBehind(engine.indexOf("words"));

            Files.writeString(content.resolve("vocabulary/words.txt"), "\n闪电鸭\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            assertTrue(kb.reloadVocabulary());

            List<String> after = indexesBehind(engine.indexOf("words"));
            assertEquals(1, after.size(), after.toString());
            assertNotEquals(before, after);
            var tokens = engine.client().post("/" + engine.indexOf("words") + "/_analyze", ClusterClient.JSON.createObjectNode()
                    .put("field", "question_words").put("text", "闪电鸭快递")).body();
            assertEquals("闪电鸭", tokens.path("tokens").path(0).path("token").asText(), tokens.toString());
            assertEquals(404, engine.client().get("/" + before.getFirst()).status(), "the old index is deleted");
        }
    }

    @Test
    @Order(5)
    void searchesKeepAnsweringInFullWhenANodeIsKilled() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.open("failover", new ShopFolders(DEMO, work.resolve("failover")), shared)) {
            List<String> messages = messages().subList(0, 60);
            var before = new ArrayList<List<String>>();
            for (String message : messages) {
                before.add(ranking(kb.search(SearchRequest.of(message, 10))));
            }
            // The node holding the shop's primary: its replica on another node takes over.
            String primaryNode = engine.client().get("/_cat/shards/" + engine.indexOf("failover") + "?format=json&h=prirep,node")
                    .body().findParents("prirep").stream().filter(s -> s.path("prirep").asText().equals("p"))
                    .findFirst().orElseThrow().path("node").asText();
            LocalNode victim = cluster.node(primaryNode);
            victim.kill();
            long killedAt = System.nanoTime();

            for (int i = 0; i < messages.size(); i++) {
                assertEquals(before.get(i), ranking(kb.search(SearchRequest.of(messages.get(i), 10))), messages.get(i));
            }
            System.out.printf("killed %s (the primary's node); %d searches answered in full within %d ms%n", victim.name(),
                    messages.size(), (System.nanoTime() - killedAt) / 1_000_000);
        }
    }

    @Test
    @Order(6)
    void withEveryNodeGoneASearchSaysTheEngineIsUnavailableAfterTheFailoverWindowNeverHangs() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.open("gone", new ShopFolders(DEMO, work.resolve("gone")), shared)) {
            for (LocalNode node : cluster.nodes()) {
                if (node.isAlive()) {
                    node.kill();
                }
            }
            long start = System.nanoTime();
            assertThrows(EngineUnavailableException.class, () -> kb.search(SearchRequest.of("发什么快递", 10)));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < 15_000, "gave up after the failover window, not later: " + waited + " ms");
            assertTrue(kb.health().problems().stream().anyMatch(problem -> problem.problem().contains("no complete answer")),
                    "the failure stays visible in health: " + kb.health().problems());
        }
    }

    /** Ids and scores (rounded to 4 digits: the float sums may differ in the last bit). */
    private static List<String> ranking(SearchResponse response) {
        return response.results().stream().map(ClusterEngineIT::idAndScore).toList();
    }

    private static String idAndScore(SearchResult result) {
        return result.id() + "@" + String.format("%.4f", result.score());
    }

    private static String top(KnowledgeBase kb, String message) {
        List<SearchResult> results = kb.search(SearchRequest.of(message, 5)).results();
        return results.isEmpty() ? "(nothing)" : results.getFirst().id();
    }

    private static List<String> indexesBehind(String alias) {
        var names = new ArrayList<String>();
        engine.client().get("/_alias/" + alias).body().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The first column of the project's labelled and off-topic sets. */
    static List<String> messages() throws IOException {
        var messages = new ArrayList<String>();
        for (String set : List.of("buyer-messages.tsv", "unseen-messages.tsv", "off-topic.tsv")) {
            List<String> lines = Files.readAllLines(Path.of("..", "quality", set), StandardCharsets.UTF_8);
            lines.subList(1, lines.size()).forEach(line -> messages.add(line.split("\t")[0]));
        }
        return messages;
    }
}
