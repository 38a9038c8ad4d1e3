package shopkb.opensearch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import shopkb.indexing.UnitIndex;
import shopkb.indexing.UnitQuery;

class UnitQueryDslTest {

    static final UnitQuery QUERY = new UnitQuery(List.of(
            new UnitQuery.Term("question_words", "包邮", 3f),
            new UnitQuery.BestOf(List.of(new UnitQuery.Term("question_words", "免运费", 3f * 0.7f),
                    new UnitQuery.Term("question_words", "免邮", 3f * 0.7f))),
            new UnitQuery.Term("product", "1712-102", 4f)),
            List.of("faq", "phrasing"), "物流");

    @Test
    void eachClauseBecomesATermQueryWithItsBoostOrADisMaxWithoutTieBreaker() {
        JsonNode query = UnitQueryDsl.query(QUERY);

        JsonNode should = query.path("bool").path("must").path(0).path("bool").path("should");
        assertEquals(3, should.size());
        assertEquals("{\"term\":{\"question_words\":{\"value\":\"包邮\",\"boost\":3.0}}}", should.path(0).toString());
        assertEquals(0f, should.path(1).path("dis_max").path("tie_breaker").floatValue());
        assertEquals(List.of("免运费", "免邮"), List.of(should.path(1).path("dis_max").path("queries").path(0).path("term")
                .path("question_words").path("value").asText(), should.path(1).path("dis_max").path("queries").path(1)
                .path("term").path("question_words").path("value").asText()));
        assertEquals("{\"term\":{\"product\":{\"value\":\"1712-102\",\"boost\":4.0}}}", should.path(2).toString());
    }

    @Test
    void boostsAreWrittenAsTheExactFloatsTheEmbeddedQueryMultipliesBy() {
        float boost = 3f * 0.7f; // 2.1000001f, not 2.1

        String written = UnitQueryDsl.query(QUERY).path("bool").path("must").path(0).path("bool").path("should").path(1)
                .path("dis_max").path("queries").path(0).path("term").path("question_words").path("boost").asText();

        assertEquals(boost, Float.parseFloat(written));
        assertEquals(Float.toString(boost), written);
    }

    @Test
    void typesAndScenarioAreFiltersThatDoNotScore() {
        JsonNode filter = UnitQueryDsl.query(QUERY).path("bool").path("filter");

        assertEquals("[{\"bool\":{\"should\":[{\"term\":{\"type\":\"faq\"}},{\"term\":{\"type\":\"phrasing\"}}]}},"
                + "{\"term\":{\"scenario\":\"物流\"}}]", filter.toString());
    }

    @Test
    void theSearchAsksForIdsOnlyAndCountsEveryTermAmongTheUnits() {
        JsonNode body = UnitQueryDsl.search(QUERY, 50, List.of(new UnitIndex.FieldTerm("question_words", "包邮"),
                new UnitIndex.FieldTerm("question_grams", "包邮")), true);

        assertEquals(50, body.path("size").asInt());
        assertEquals(false, body.path("_source").asBoolean(true));
        assertEquals(false, body.path("track_total_hits").asBoolean(true));
        JsonNode units = body.path("aggs").path("all").path("aggs").path("units");
        assertEquals("{\"field\":\"entry_id\"}", units.path("filter").path("exists").toString());
        JsonNode filters = units.path("aggs").path("counted").path("filters").path("filters");
        assertEquals("{\"term\":{\"question_words\":\"包邮\"}}", filters.path("0").toString());
        assertEquals("{\"term\":{\"question_grams\":\"包邮\"}}", filters.path("1").toString());
    }

    @Test
    void aQueryOfNothingAsksForNoUnitsButStillCounts() {
        JsonNode body = UnitQueryDsl.search(UnitQuery.NOTHING, 50, List.of(new UnitIndex.FieldTerm("question_words", "包邮")),
                false);

        assertEquals(0, body.path("size").asInt());
        assertEquals("{\"match_none\":{}}", body.path("query").toString());
        assertEquals(1, body.path("aggs").path("all").path("aggs").path("units").path("aggs").path("counted").path("filters")
                .path("filters").size());
    }

    @Test
    void withEveryCountKnownAlreadyTheSearchHasNoAggregation() {
        JsonNode body = UnitQueryDsl.search(QUERY, 50, List.of(), false);

        assertEquals(50, body.path("size").asInt());
        assertTrue(body.path("aggs").isMissingNode(), body.toString());
    }
}
