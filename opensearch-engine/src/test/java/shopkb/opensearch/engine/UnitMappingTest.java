package shopkb.opensearch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shopkb.analysis.Vocabulary;
import shopkb.indexing.Fields;

class UnitMappingTest {

    static final Vocabulary VOCABULARY = new Vocabulary(Map.of("包邮", List.of("免邮")), Map.of("木有", "没有"),
            Set.of("七匹狼", "包邮", "免邮"), List.of(), "test");

    @Test
    void everyTextFieldIsAnalysedByThePluginsAnalyzerForItsKind() {
        JsonNode properties = UnitMapping.index(VOCABULARY).path("mappings").path("properties");

        assertEquals("shopkb_words", properties.path(Fields.QUESTION_WORDS).path("analyzer").asText());
        assertEquals("shopkb_grams", properties.path(Fields.TITLE_GRAMS).path("analyzer").asText());
        assertEquals("shopkb_pinyin", properties.path(Fields.QUESTION_PINYIN).path("analyzer").asText());
        assertEquals("shopkb_words", properties.path(Fields.BODY_WORDS).path("analyzer").asText());
        for (String field : Fields.TEXT_FIELDS) {
            assertEquals("text", properties.path(field).path("type").asText(), field);
        }
        for (String field : Fields.KEYWORD_FIELDS) {
            assertEquals("keyword", properties.path(field).path("type").asText(), field);
        }
        assertEquals("strict", UnitMapping.index(VOCABULARY).path("mappings").path("dynamic").asText());
    }

    @Test
    void oneShardScoredByBm25AndAReplicaWhereThereIsASecondNode() {
        JsonNode settings = UnitMapping.index(VOCABULARY).path("settings");

        assertEquals(1, settings.path("index.number_of_shards").asInt());
        assertEquals("0-1", settings.path("index.auto_expand_replicas").asText());
        assertEquals("BM25", settings.path("index.similarity.default.type").asText());
        assertEquals(1.2, settings.path("index.similarity.default.k1").asDouble());
        assertEquals(0.75, settings.path("index.similarity.default.b").asDouble());
    }

    @Test
    void theDomainWordsOfTheVocabularyGoIntoTheSettingsSorted() {
        var words = new ArrayList<String>();
        UnitMapping.index(VOCABULARY).path("settings").path("index.shopkb.words").forEach(w -> words.add(w.asText()));

        assertEquals(VOCABULARY.words().stream().sorted().toList(), words);
    }
}
