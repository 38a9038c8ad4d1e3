package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import shopkb.indexing.Fields;
import shopkb.indexing.UnitIndex;
import shopkb.indexing.UnitQuery;

/**
 * A {@link UnitQuery} as an OpenSearch search request: the same clauses as the embedded engine's Lucene query (term
 * queries with boosts, one {@code dis_max} without tie-breaker per synonym group, the filters), plus the term statistics
 * confidence needs, from the same request: a {@code global} aggregation counting every unit and, per counted term, the
 * units holding it.
 */
final class UnitQueryDsl {

    /** Names of the aggregations in the request and its answer. */
    static final String ALL = "all";
    static final String UNITS = "units";
    static final String COUNTED = "counted";

    private UnitQueryDsl() {
    }

    /**
     * The search body: the best {@code units} units for {@code query} (ids only) and the counts of {@code counted} and of
     * all units (no aggregation at all when {@code counted} is empty and {@code countAll} is false).
     */
    static ObjectNode search(UnitQuery query, int units, List<UnitIndex.FieldTerm> counted, boolean countAll) {
        ObjectNode body = ClusterClient.JSON.createObjectNode();
        boolean searching = units > 0 && !query.clauses().isEmpty();
        body.put("size", searching ? units : 0);
        body.put("_source", false);
        // Counting every hit would keep Lucene from skipping units that cannot reach the top (as the embedded search).
        body.put("track_total_hits", false);
        body.set("query", searching ? query(query) : ClusterClient.JSON.createObjectNode().set("match_none",
                ClusterClient.JSON.createObjectNode()));
        if (counted.isEmpty() && !countAll) {
            return body;
        }
        ObjectNode all = body.putObject("aggs").putObject(ALL);
        all.putObject("global");
        // Units only: the build document has no entry id.
        ObjectNode unitsAgg = all.putObject("aggs").putObject(UNITS);
        unitsAgg.putObject("filter").putObject("exists").put("field", Fields.ENTRY_ID);
        if (!counted.isEmpty()) {
            ObjectNode filters = unitsAgg.putObject("aggs").putObject(COUNTED).putObject("filters").putObject("filters");
            for (int i = 0; i < counted.size(); i++) {
                filters.set(String.valueOf(i), term(counted.get(i).field(), counted.get(i).text()));
            }
        }
        return body;
    }

    static ObjectNode query(UnitQuery query) {
        ObjectNode text = ClusterClient.JSON.createObjectNode();
        ArrayNode should = text.putObject("bool").putArray("should");
        for (UnitQuery.Clause clause : query.clauses()) {
            should.add(clause(clause));
        }
        ObjectNode root = ClusterClient.JSON.createObjectNode();
        ObjectNode bool = root.putObject("bool");
        bool.putArray("must").add(text);
        ArrayNode filter = bool.putArray("filter");
        if (!query.types().isEmpty()) {
            ObjectNode types = ClusterClient.JSON.createObjectNode();
            ArrayNode anyType = types.putObject("bool").putArray("should");
            query.types().forEach(type -> anyType.add(term(Fields.TYPE, type)));
            filter.add(types);
        }
        if (query.scenario() != null) {
            filter.add(term(Fields.SCENARIO, query.scenario()));
        }
        return root;
    }

    private static ObjectNode clause(UnitQuery.Clause clause) {
        return switch (clause) {
            case UnitQuery.Term term -> boosted(term);
            case UnitQuery.BestOf best -> {
                ObjectNode disMax = ClusterClient.JSON.createObjectNode();
                ObjectNode body = disMax.putObject("dis_max");
                body.put("tie_breaker", 0f);
                ArrayNode queries = body.putArray("queries");
                best.alternatives().forEach(term -> queries.add(boosted(term)));
                yield disMax;
            }
        };
    }

    /** The exact term, its boost as the float the embedded query multiplies by (Jackson writes a float exactly). */
    private static ObjectNode boosted(UnitQuery.Term term) {
        ObjectNode node = ClusterClient.JSON.createObjectNode();
        node.putObject("term").putObject(term.field()).put("value", term.text()).put("boost", term.boost());
        return node;
    }

    private static ObjectNode term(String field, String value) {
        ObjectNode node = ClusterClient.JSON.createObjectNode();
        node.putObject("term").put(field, value);
        return node;
    }
}
