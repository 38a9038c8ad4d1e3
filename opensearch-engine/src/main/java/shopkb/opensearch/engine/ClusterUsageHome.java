package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import shopkb.usage.FeedbackAction;
import shopkb.usage.UsageHome;
import shopkb.usage.UsageStore;

/**
 * One shop's usage log kept in the cluster, {@code shopkb-usage.<shop>}: every server sends the searches and feedback it
 * logged (one document each, by the event's id, so an event sent twice is one document), and takes in the others'
 * (this server's own are left out by the origin they carry). The index has one shard, whose sequence numbers order the
 * events (see {@link ChangeFeed}), and a copy on a second node where there is one.
 */
final class ClusterUsageHome implements UsageHome {

    private static final String KIND = "kind";
    private static final String ORIGIN = "origin";
    private static final String AT = "at";
    /** Expired events deleted per request, and at most this many requests per purge (the rest go at the next). */
    private static final int PURGE_PAGE = 1000;
    private static final int PURGE_PAGES = 100;

    private final ClusterClient client;
    private final String index;
    /** This server's events' mark: a new one each time the log opens, so a restarted server takes in its past too. */
    private final String origin = UUID.randomUUID().toString();
    private final ChangeFeed others;

    private ClusterUsageHome(ClusterClient client, String index) {
        this.client = client;
        this.index = index;
        ObjectNode notMine = ClusterClient.JSON.createObjectNode();
        notMine.putObject("bool").putObject("must_not").putObject("term").put(ORIGIN, origin);
        this.others = new ChangeFeed(client, index, notMine);
    }

    /** The shop's usage log index, created when it does not exist. */
    static ClusterUsageHome open(ClusterClient client, String index) {
        client.createOneShardIndex(index, "0-1", properties -> {
            properties.putObject(KIND).put("type", "keyword");
            properties.putObject(ORIGIN).put("type", "keyword");
            properties.putObject(AT).put("type", "long");
        });
        return new ClusterUsageHome(client, index);
    }

    @Override
    public void send(Events events) {
        if (events.isEmpty()) {
            return;
        }
        var bulk = new StringBuilder();
        for (UsageStore.StoredSearch search : events.searches()) {
            ObjectNode source = ClusterClient.JSON.createObjectNode().put("id", search.id()).put("query", search.query())
                    .put("pattern", search.pattern()).put("topIntent", search.topIntent())
                    .put("confidence", search.confidence()).put("confident", search.confident())
                    .put("latencyMs", search.latencyMs());
            var results = source.putArray("resultIds");
            search.resultIds().forEach(results::add);
            source.put(KIND, "search").put(ORIGIN, origin).put(AT, search.at().toEpochMilli());
            line(bulk, "s-" + search.id(), source);
        }
        for (UsageStore.StoredFeedback feedback : events.feedback()) {
            ObjectNode source = ClusterClient.JSON.createObjectNode().put("uid", feedback.uid())
                    .put("searchId", feedback.searchId()).put("entryId", feedback.entryId())
                    .put("action", feedback.action().wireName()).put("pattern", feedback.pattern());
            source.put(KIND, "feedback").put(ORIGIN, origin).put(AT, feedback.at().toEpochMilli());
            line(bulk, "f-" + feedback.uid(), source);
        }
        ClusterUnitIndex.sendBulk(client, "/" + index + "/_bulk", bulk.toString());
    }

    private static void line(StringBuilder bulk, String id, ObjectNode source) {
        ObjectNode action = ClusterClient.JSON.createObjectNode();
        action.putObject("index").put("_id", id);
        bulk.append(action).append('\n').append(source).append('\n');
    }

    @Override
    public Events pull() {
        var searches = new ArrayList<UsageStore.StoredSearch>();
        var feedback = new ArrayList<UsageStore.StoredFeedback>();
        for (JsonNode hit : others.next()) {
            JsonNode source = hit.path("_source");
            Instant at = Instant.ofEpochMilli(source.path(AT).asLong());
            switch (source.path(KIND).asText()) {
                case "search" -> {
                    var results = new ArrayList<String>();
                    source.path("resultIds").forEach(id -> results.add(id.asText()));
                    searches.add(new UsageStore.StoredSearch(source.path("id").asText(), at, source.path("query").asText(),
                            source.path("pattern").asText(), results, source.path("topIntent").asText(null),
                            source.path("confidence").asDouble(), source.path("confident").asBoolean(),
                            source.path("latencyMs").asDouble()));
                }
                case "feedback" -> FeedbackAction.fromWireName(source.path("action").asText()).ifPresent(action ->
                        feedback.add(new UsageStore.StoredFeedback(source.path("uid").asText(), source.path("searchId").asText(),
                                source.path("entryId").asText(), action, at, source.path("pattern").asText(null))));
                default -> {
                    // another kind of document: not the log's
                }
            }
        }
        return new Events(searches, feedback);
    }

    /**
     * Deletes the events before the cutoff, a page of ids at a time (a search, then a bulk delete): delete-by-query is in
     * a module not every cluster loads.
     */
    @Override
    public void deleteBefore(Instant cutoff) {
        for (int page = 0; page < PURGE_PAGES; page++) {
            ObjectNode body = ClusterClient.JSON.createObjectNode();
            body.putObject("query").putObject("range").putObject(AT).put("lt", cutoff.toEpochMilli());
            body.put("_source", false).put("size", PURGE_PAGE);
            ClusterClient.Response found = client.post("/" + index + "/_search", body);
            if (!found.ok()) {
                throw new IllegalStateException("cannot find expired usage in " + index + ": " + found.status() + " "
                        + found.body());
            }
            JsonNode hits = found.body().path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            var bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                ObjectNode action = ClusterClient.JSON.createObjectNode();
                action.putObject("delete").put("_id", hit.path("_id").asText());
                bulk.append(action).append('\n');
            }
            ClusterUnitIndex.sendBulk(client, "/" + index + "/_bulk?refresh=true", bulk.toString());
        }
    }
}
