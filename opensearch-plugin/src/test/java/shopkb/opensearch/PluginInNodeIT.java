package shopkb.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.analysis.AnalysisOptions;
import shopkb.analysis.Analyzers;
import shopkb.analysis.TextNormalizer;
import shopkb.analysis.Vocabulary;
import shopkb.analysis.VocabularyLoader;
import shopkb.opensearch.nodes.LocalCluster;
import shopkb.opensearch.nodes.NodeClient;

/**
 * The plugin zip installed in one real OpenSearch 3.9.0 node: it loads, and its analyzers give, token for token, what
 * the embedded engine's analyzers give for the same vocabulary.
 */
class PluginInNodeIT {

    /** The zip {@code mvn package} built; failsafe passes its path. */
    static final Path ZIP = Path.of(Objects.requireNonNull(System.getProperty("shopkb.plugin.zip"),
            "shopkb.plugin.zip is not set: run the tests on real nodes with mvn verify"));
    static final Path DEMO = Path.of("..", "faq-content");

    @TempDir
    static Path work;
    static LocalCluster cluster;
    static NodeClient node;

    @BeforeAll
    static void startNode() throws Exception {
        cluster = LocalCluster.start(work, 1, List.of(ZIP));
        System.out.printf("one node started in %d ms%n", cluster.startTime().toMillis());
        node = cluster.client();
        var settings = new HashMap<String, Object>(ShopIndexSettings.vocabulary(DEMO));
        settings.put("index.number_of_replicas", 0);
        // The steps assembled by hand: each chain must give what the ready-made analyzer gives.
        settings.put("index.analysis.analyzer.own_words.tokenizer", "shopkb_lexicon");
        settings.put("index.analysis.analyzer.own_words.char_filter", List.of("shopkb_normalize"));
        settings.put("index.analysis.analyzer.own_words.filter", List.of("shopkb_stop", "shopkb_size_class"));
        settings.put("index.analysis.analyzer.own_grams.tokenizer", "standard");
        settings.put("index.analysis.analyzer.own_grams.char_filter", List.of("shopkb_normalize"));
        settings.put("index.analysis.analyzer.own_grams.filter", List.of("shopkb_bigrams"));
        settings.put("index.analysis.analyzer.own_pinyin.tokenizer", "standard");
        settings.put("index.analysis.analyzer.own_pinyin.char_filter", List.of("shopkb_normalize"));
        settings.put("index.analysis.analyzer.own_pinyin.filter", List.of("shopkb_pinyin_pairs"));
        settings.put("index.analysis.analyzer.respelled_words.tokenizer", "shopkb_lexicon");
        settings.put("index.analysis.analyzer.respelled_words.char_filter", List.of("shopkb_normalize", "shopkb_spellings"));
        settings.put("index.analysis.analyzer.respelled_words.filter", List.of("shopkb_stop", "shopkb_size_class"));
        NodeClient.Response created = node.put("/shop", Map.of("settings", settings));
        assertEquals(200, created.status(), created.toString());
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theNodeLoadsThePlugin() throws Exception {
        JsonNode plugins = node.get("/_cat/plugins?format=json").body();

        assertEquals(1, plugins.size(), plugins.toString());
        assertEquals("shopkb-analysis", plugins.path(0).path("component").asText());
        assertEquals("node-0", plugins.path(0).path("name").asText());
    }

    @Test
    void theNodeRunsTheLuceneTheProjectIsBuiltOn() throws Exception {
        JsonNode version = node.get("/").body().path("version");

        assertEquals("3.9.0", version.path("number").asText());
        assertEquals(Version.LATEST.toString(), version.path("lucene_version").asText());
    }

    @Test
    void theZipCarriesTheChainAndNothingTheServerHas() throws IOException {
        var entries = new TreeSet<String>();
        try (var zip = new ZipFile(ZIP.toFile())) {
            zip.stream().forEach(entry -> entries.add(entry.getName().replaceAll("-\\d[\\w.-]*\\.jar$", ".jar")));
        }

        assertEquals(new TreeSet<>(List.of("plugin-descriptor.properties", "shopkb-opensearch-plugin.jar", "shopkb-index.jar",
                "lucene-analysis-smartcn.jar", "lucene-analysis-icu.jar", "icu4j.jar")), entries);
    }

    @Test
    void theReadyMadeAnalyzersGiveTheEmbeddedAnalyzersTokens() throws Exception {
        Analyzers embedded = new Analyzers(AnalysisOptions.full(), () -> VocabularyLoader.load(DEMO));

        int tokens = 0;
        tokens += assertSameTokens("shopkb_words", embedded.words(), Function.identity(), Function.identity());
        tokens += assertSameTokens("shopkb_grams", embedded.grams(), Function.identity(), Function.identity());
        tokens += assertSameTokens("shopkb_pinyin", embedded.pinyin(), Function.identity(), Function.identity());
        System.out.printf("%d messages, %d tokens compared over the three analyzers%n", BuyerMessages.all().size(), tokens);
    }

    @Test
    void smartcnIsLucenesOwnAnalyzerUntouched() throws Exception {
        // What a plain node with OpenSearch's analysis-smartcn plugin offers; ./kb bench measures the server against it.
        assertSameTokens("smartcn", new SmartChineseAnalyzer(), Function.identity(), Function.identity());
    }

    @Test
    void theStepsAssembledInSettingsGiveTheSameTokens() throws Exception {
        Analyzers embedded = new Analyzers(AnalysisOptions.full(), () -> VocabularyLoader.load(DEMO));

        assertSameTokens("own_words", embedded.words(), Function.identity(), Function.identity());
        assertSameTokens("own_grams", embedded.grams(), Function.identity(), Function.identity());
        assertSameTokens("own_pinyin", embedded.pinyin(), Function.identity(), Function.identity());
    }

    @Test
    void theSpellingsStepGivesTheWordsOfTheRespelledMessage() throws Exception {
        Vocabulary vocabulary = VocabularyLoader.load(DEMO);
        Analyzers embedded = new Analyzers(AnalysisOptions.full(), () -> vocabulary);

        // The query parser respells the normalised message; its offsets are then in the respelled text, the
        // char filter's in the buyer's: terms and positions must agree.
        assertSameTokens("respelled_words", embedded.words(), text -> vocabulary.respell(TextNormalizer.normalize(text)),
                Tokens::termsAndPositions);
        // Offsets point into the buyer's text, also where a rewrite changes the length (啥 → 什么).
        assertEquals(List.of("怎么@0-2#0", "没@2-3#1", "有货@3-5#2", "有@3-4#3", "货@4-5#4"),
                Tokens.of(analyze("respelled_words", "肿么木有貨")));
        assertEquals(List.of("什么@0-1#0", "时候@1-3#1", "发货@3-5#2"),
                Tokens.of(analyze("respelled_words", "啥时候發貨")));
    }

    @Test
    void aBadVocabularyLineIsRefusedWithTheSettingAndLine() throws Exception {
        NodeClient.Response refused = node.put("/bad-shop", Map.of("settings", Map.of(
                "index.shopkb.synonyms", List.of("包邮, 免邮", "孤单"))));

        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid shop vocabulary: index.shopkb.synonyms [line 2]: a synonym group needs at least two terms",
                refused.body().path("error").path("reason").asText());
    }

    /**
     * Compares, for every buyer message, {@code analyzer} of the index with the embedded one, on the message as
     * {@code embeddedText} prepares it; returns how many tokens were compared.
     */
    private static int assertSameTokens(String analyzer, Analyzer embedded, Function<String, String> embeddedText,
                                        Function<List<String>, List<String>> compared) throws Exception {
        var mismatches = new ArrayList<String>();
        int count = 0;
        for (String message : BuyerMessages.all()) {
            List<String> expected = compared.apply(Tokens.of(embedded, embeddedText.apply(message)));
            List<String> actual = compared.apply(Tokens.of(analyze(analyzer, message)));
            if (!expected.equals(actual)) {
                mismatches.add(message + "\n  embedded: " + expected + "\n  node:     " + actual);
            }
            count += expected.size();
        }
        assertTrue(mismatches.isEmpty(), analyzer + " differs on " + mismatches.size() + " messages:\n"
                + String.join("\n", mismatches));
        assertTrue(count > 1000, analyzer + " compared only " + count + " tokens");
        return count;
    }

    private static JsonNode analyze(String analyzer, String text) throws Exception {
        NodeClient.Response response = node.post("/shop/_analyze", Map.of("analyzer", analyzer, "text", text));
        assertEquals(200, response.status(), text + ": " + response);
        return response.body();
    }
}
