package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import shopkb.analysis.Vocabulary;
import shopkb.indexing.Fields;

/**
 * A shop's index in the cluster, derived from {@link Fields} (the embedded index's one definition of fields): each text
 * field analysed by the plugin's analyzer of {@link Fields#analysisOf}, the keys as keywords; the shop's domain words in
 * the index settings, where the plugin's analyzers read them.
 *
 * <p>One primary shard: BM25 statistics (document counts, average lengths) are then those of the whole shop, as in the
 * embedded index, so the same units get the same scores; the units of one shop are few enough for one shard. One replica
 * where the cluster has a second node ({@code auto_expand_replicas 0-1}), so a lost node loses no shop.
 */
final class UnitMapping {

    /** Read by the plugin's words analyzer (see the plugin's {@code ShopVocabulary}). */
    static final String WORDS_SETTING = "index.shopkb.words";
    /** The field of the build document, which records the build fingerprint (see {@link ClusterUnitIndex}). */
    static final String FINGERPRINT = "fingerprint";

    private UnitMapping() {
    }

    /** The body of the request creating a shop's index, for units analysed with {@code vocabulary}. */
    static ObjectNode index(Vocabulary vocabulary) {
        ObjectNode body = ClusterClient.JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("index.number_of_shards", 1);
        settings.put("index.auto_expand_replicas", "0-1");
        // Lucene's BM25 as the embedded index scores (OpenSearch's default too, stated so it cannot drift).
        settings.put("index.similarity.default.type", "BM25");
        settings.put("index.similarity.default.k1", 1.2);
        settings.put("index.similarity.default.b", 0.75);
        // Only the domain words shape how units are analysed; spellings and synonyms are applied to the message, in the
        // server, before it becomes a query.
        var words = settings.putArray(WORDS_SETTING);
        vocabulary.words().stream().sorted().forEach(words::add);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        for (String field : Fields.KEYWORD_FIELDS) {
            properties.putObject(field).put("type", "keyword");
        }
        properties.putObject(Fields.UNIT).put("type", "integer");
        properties.putObject(Fields.UNIT_INDEX).put("type", "integer");
        for (String field : Fields.TEXT_FIELDS) {
            properties.putObject(field).put("type", "text")
                    .put("analyzer", "shopkb_" + Fields.analysisOf(field).name().toLowerCase(Locale.ROOT));
        }
        properties.putObject(FINGERPRINT).put("type", "keyword").put("index", false).put("doc_values", false);
        return body;
    }
}
