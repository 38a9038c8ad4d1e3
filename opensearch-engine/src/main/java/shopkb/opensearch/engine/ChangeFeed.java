package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The documents written to a one-shard index since the last look, oldest first: that shard's sequence numbers order
 * every write, so each look asks for those above the highest one seen. A write whose number is below one already seen
 * may become visible a moment later (two writes racing), so each look also asks again for the last few; the reader
 * must take a document it has already seen as a no-op. Not thread-safe: one owner looks.
 */
final class ChangeFeed {

    private static final int PAGE = 500;
    private static final int LOOK_BACK = 64;

    private final ClusterClient client;
    private final String index;
    /** A filter every document looked for must match (e.g. not this server's own), or null. */
    private final JsonNode filter;
    private long seen = -1;

    ChangeFeed(ClusterClient client, String index, JsonNode filter) {
        this.client = client;
        this.index = index;
        this.filter = filter;
    }

    /** Everything will be new again on the next look. */
    void reset() {
        seen = -1;
    }

    /** The search hits (with {@code _source}, {@code _seq_no}, {@code _primary_term}) written since the last look. */
    List<JsonNode> next() {
        var changes = new ArrayList<JsonNode>();
        forEachPage(false, hits -> hits.forEach(changes::add));
        return changes;
    }

    /**
     * Hands the hits written since the last look to {@code page}, a page (a JSON array) at a time, oldest first.
     *
     * @param throughFailover whether a page is asked again while the cluster fails over (else one attempt: a look that
     *                        fails is the next look's to make)
     */
    void forEachPage(boolean throughFailover, Consumer<JsonNode> page) {
        long from = Math.max(-1, seen - LOOK_BACK);
        while (true) {
            ObjectNode body = ClusterClient.JSON.createObjectNode();
            ObjectNode bool = body.putObject("query").putObject("bool");
            bool.putArray("filter").addObject().putObject("range").putObject("_seq_no").put("gt", from);
            if (filter != null) {
                bool.withArray("filter").add(filter);
            }
            body.putArray("sort").addObject().put("_seq_no", "asc");
            body.put("seq_no_primary_term", true).put("size", PAGE);
            Supplier<ClusterClient.Response> ask = () -> client.post("/" + index + "/_search", body);
            ClusterClient.Response response = throughFailover
                    ? client.throughFailover("reading the changes of " + index, ask, ClusterClient.Response::whole) : ask.get();
            if (!response.ok()) {
                throw new IllegalStateException("cannot read the changes of " + index + ": " + response.status() + " "
                        + response.body());
            }
            JsonNode hits = response.body().path("hits").path("hits");
            for (JsonNode hit : hits) {
                from = Math.max(from, hit.path("_seq_no").asLong());
            }
            page.accept(hits);
            if (hits.size() < PAGE) {
                break;
            }
        }
        seen = Math.max(seen, from);
    }
}
