package shopkb.opensearch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shopkb.analysis.Vocabulary;
import shopkb.content.Entry;
import shopkb.indexing.DocumentBuilder;
import shopkb.indexing.EngineUnavailableException;
import shopkb.indexing.Fields;
import shopkb.indexing.KnowledgeIndex;
import shopkb.indexing.MeaningIndex;
import shopkb.indexing.UnitDocument;
import shopkb.indexing.UnitIndex;
import shopkb.indexing.UnitQuery;

/**
 * One shop's units in an OpenSearch cluster: an index per shop ({@link UnitMapping}: one shard, a replica), reached
 * through the alias {@code shopkb-<shop>}, holding the units and one build document that records the build fingerprint
 * (as the embedded index records it in its commit). The index is reused when that fingerprint is the content's, and built
 * anew otherwise. A vocabulary change builds a new index with the new words in its settings, then swaps the alias over
 * at once and deletes the old index: searches see the old units until the new ones are all there.
 *
 * <p>Every change is one bulk request, its build document last (one shard applies a bulk in order, so the recorded
 * fingerprint never names a change whose units are missing), refreshed before it returns: an edit is searchable when
 * the edit returns. The meaning vectors stay in this process ({@link MeaningIndex}), kept in step as the embedded index
 * keeps them. A search whose answer missed a shard (a node dying under it) is asked again, then fails.
 */
final class ClusterUnitIndex implements UnitIndex {

    static final String BUILD_DOC = "_shopkb_build";
    /** Units per bulk request when building (a few MB). */
    private static final int BULK_UNITS = 2000;
    /** How long a new index waits for its replica to be a full copy before it is served. */
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(60);
    /** How often changed meaning vectors are committed (as the embedded index commits them). */
    private static final Duration MEANING_COMMIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterUnitIndex.class);
    /** Makes the names of indexes built in the same millisecond differ. */
    private static final AtomicLong BUILDS = new AtomicLong();

    private final ClusterClient client;
    private final String alias;
    private final MeaningIndex meaning;
    private final OpenReport openReport;
    /** The meaning vectors' timed commit, cancelled on close. */
    private final ScheduledFuture<?> meaningCommits;
    /** The unit ids of each entry in the index, to delete those an edit leaves out; changed under this object's lock. */
    private final Map<String, List<String>> unitIds = new HashMap<>();
    /** The last failed write, until a write succeeds again. */
    private volatile String writeFailure;
    /** The last search the cluster gave no complete answer to, until a search is answered again (in /api/health). */
    private volatile String searchFailure;
    private volatile String meaningFailure;
    /**
     * The term statistics confidence needs, as counted since the units last changed: counting them costs an aggregation
     * over every unit, and they change only with the units. Replaced whole on every write (a search that began before
     * fills the old one); its counts are the same as a fresh aggregation's until another server's write, which this
     * server takes in (and so replaces them) within a second.
     */
    private volatile TermStats stats = new TermStats();

    /** Counted term statistics: how many units hold each term, and how many units there are (-1: not counted yet). */
    private static final class TermStats {
        /** Beyond this many terms the counts start again (buyers' words are a few tens of thousands). */
        static final int MAX_TERMS = 200_000;
        final Map<FieldTerm, Integer> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
        volatile int units = -1;
    }

    private ClusterUnitIndex(ClusterClient client, String alias, MeaningIndex meaning, OpenReport openReport,
                             Collection<Entry> entries, ScheduledExecutorService scheduler) {
        this.client = client;
        this.alias = alias;
        this.meaning = meaning;
        this.openReport = openReport;
        entries.forEach(this::remember);
        this.meaningCommits = meaning == null ? null : scheduler.scheduleWithFixedDelay(this::commitMeaning,
                MEANING_COMMIT.toMillis(), MEANING_COMMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The alias of a shop's index. */
    static String alias(String prefix, String shop) {
        return prefix + shop;
    }

    /** Reuses the shop's index when it was built from {@code fingerprint}, else builds it from {@code entries}. */
    static ClusterUnitIndex open(ClusterClient client, String alias, Vocabulary vocabulary, String fingerprint,
                                 Collection<Entry> entries, MeaningIndex meaning, ScheduledExecutorService scheduler) {
        long start = System.nanoTime();
        String stale = staleReason(client, alias, fingerprint);
        if (stale != null) {
            build(client, alias, vocabulary, fingerprint, entries);
        }
        var report = new OpenReport(stale == null, stale == null ? "content unchanged" : stale,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return new ClusterUnitIndex(client, alias, meaning, report, entries, scheduler);
    }

    @Override
    public Found search(UnitQuery query, int units, Collection<FieldTerm> counted) {
        TermStats known = stats;
        if (known.docFreqs.size() > TermStats.MAX_TERMS) {
            stats = known = new TermStats();
        }
        Map<FieldTerm, Integer> cached = known.docFreqs;
        List<FieldTerm> terms = counted.stream().filter(term -> !cached.containsKey(term)).distinct().toList();
        if ((units == 0 || query.clauses().isEmpty()) && terms.isEmpty() && known.units >= 0) {
            return new Found(List.of(), known.units, counts(counted, known, Map.of()));
        }
        ObjectNode body = UnitQueryDsl.search(query, units, terms, known.units < 0);
        try {
            // An answer that misses a shard (a copy lost under the search) is asked again.
            ClusterClient.Response response = client.throughFailover("a search of " + alias,
                    () -> client.post("/" + alias + "/_search", body), ClusterClient.Response::whole);
            if (!response.ok()) {
                throw new EngineUnavailableException("the cluster refused a search of " + alias + ": " + response.status()
                        + " " + response.body());
            }
            searchFailure = null;
            Found fresh = found(response.body(), terms, known.units < 0);
            known.docFreqs.putAll(fresh.docFreqs());
            if (known.units < 0) {
                known.units = fresh.docs();
            }
            return new Found(fresh.units(), known.units, counts(counted, known, fresh.docFreqs()));
        } catch (EngineUnavailableException unavailable) {
            searchFailure = "searching: " + unavailable.getMessage();
            throw unavailable;
        }
    }

    /** The counts of {@code counted}: as known, else as just counted. */
    private static Map<FieldTerm, Integer> counts(Collection<FieldTerm> counted, TermStats known, Map<FieldTerm, Integer> fresh) {
        var docFreqs = new HashMap<FieldTerm, Integer>();
        for (FieldTerm term : counted) {
            docFreqs.put(term, known.docFreqs.getOrDefault(term, fresh.getOrDefault(term, 0)));
        }
        return docFreqs;
    }

    /** The units found, and (when {@code counting}) the counts of {@code counted} and of all units; else docs is -1. */
    private static Found found(JsonNode answer, List<FieldTerm> counted, boolean countAll) {
        var units = new ArrayList<ScoredUnit>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            units.add(UnitDocument.parseId(hit.path("_id").asText(), (float) hit.path("_score").asDouble()));
        }
        JsonNode unitsAgg = answer.path("aggregations").path(UnitQueryDsl.ALL).path(UnitQueryDsl.UNITS);
        JsonNode buckets = unitsAgg.path(UnitQueryDsl.COUNTED).path("buckets");
        var docFreqs = new HashMap<FieldTerm, Integer>();
        for (int i = 0; i < counted.size(); i++) {
            JsonNode count = buckets.path(String.valueOf(i)).path("doc_count");
            if (!count.isNumber()) {
                throw new IllegalStateException("the cluster's answer lacks the count of " + counted.get(i) + ": " + answer);
            }
            docFreqs.put(counted.get(i), count.asInt());
        }
        boolean aggregated = countAll || !counted.isEmpty();
        return new Found(units, aggregated ? unitsAgg.path("doc_count").asInt() : -1, docFreqs);
    }

    @Override
    public synchronized void upsert(Entry entry, String fingerprint) {
        apply(List.of(entry), List.of(), fingerprint);
    }

    @Override
    public synchronized void delete(String entryId, String fingerprint) {
        apply(List.of(), List.of(entryId), fingerprint);
    }

    @Override
    public synchronized void apply(Collection<Entry> upserts, Collection<String> deletes, String fingerprint) {
        if (meaning != null) {
            meaning.apply(upserts, deletes);
        }
        var bulk = new StringBuilder();
        for (String id : deletes) {
            unitIds.getOrDefault(id, List.of()).forEach(unit -> deleteLine(bulk, unit));
        }
        for (Entry entry : upserts) {
            List<UnitDocument> units = DocumentBuilder.units(entry);
            List<String> kept = units.stream().map(UnitDocument::id).toList();
            unitIds.getOrDefault(entry.id(), List.of()).stream().filter(id -> !kept.contains(id)).forEach(id -> deleteLine(bulk, id));
            units.forEach(unit -> indexLine(bulk, unit));
        }
        buildLine(bulk, fingerprint);
        try {
            sendBulk(client, "/" + alias + "/_bulk?refresh=true", bulk.toString());
            writeFailure = null;
        } catch (RuntimeException e) {
            writeFailure = "a write to the cluster failed at " + Instant.now() + ": " + e.getMessage();
            throw e;
        } finally {
            stats = new TermStats(); // counted again from the units as they are now (refreshed before the bulk returned)
        }
        deletes.forEach(unitIds::remove);
        upserts.forEach(this::remember);
    }

    @Override
    public synchronized void reindex(Collection<Entry> entries, String fingerprint, Vocabulary vocabulary) {
        try {
            build(client, alias, vocabulary, fingerprint, entries);
        } finally {
            stats = new TermStats();
        }
        unitIds.clear();
        entries.forEach(this::remember);
    }

    @Override
    public MeaningIndex meaning() {
        return meaning;
    }

    @Override
    public OpenReport openReport() {
        return openReport;
    }

    @Override
    public List<String> problems() {
        var problems = new ArrayList<String>();
        String failure = searchFailure;
        if (failure != null) {
            problems.add(failure);
        }
        failure = writeFailure;
        if (failure != null) {
            problems.add(failure);
        }
        failure = meaningFailure;
        if (failure != null) {
            problems.add(failure);
        }
        return problems;
    }

    /** The shop's index stays in the cluster; the meaning vectors are closed (committed) here. */
    @Override
    public void close() throws IOException {
        if (meaning != null) {
            meaningCommits.cancel(false);
            meaning.close();
        }
    }

    private void commitMeaning() {
        try {
            meaning.commitIfDirty();
            meaningFailure = null;
        } catch (IOException | RuntimeException e) {
            // Retried on the next tick; the vectors can always be encoded again from the content.
            if (meaningFailure == null) {
                LOG.warn("committing the meaning vectors of {} failed (retried): {}", alias, e.toString());
            }
            meaningFailure = "the meaning vectors' commit failed at " + Instant.now() + ": " + e;
        }
    }

    private void remember(Entry entry) {
        unitIds.put(entry.id(), DocumentBuilder.units(entry).stream().map(UnitDocument::id).toList());
    }

    /** Why the index behind {@code alias} cannot be reused, or null when it was built from {@code fingerprint}. */
    private static String staleReason(ClusterClient client, String alias, String fingerprint) {
        ClusterClient.Response build = client.get("/" + alias + "/_doc/" + BUILD_DOC);
        if (build.status() == 404) {
            return build.body().path("found").isBoolean() ? "the index lacks its build record" : "no index yet";
        }
        if (!build.ok()) {
            throw new IllegalStateException("cannot read the build record of " + alias + ": " + build);
        }
        String recorded = build.body().path("_source").path(UnitMapping.FINGERPRINT).asText();
        return recorded.equals(built(fingerprint)) ? null : "content, vocabulary or index format changed";
    }

    /**
     * Builds a new index of {@code entries}, then points {@code alias} at it (and only it) in one step and deletes the
     * indexes it pointed at before.
     */
    private static void build(ClusterClient client, String alias, Vocabulary vocabulary, String fingerprint,
                              Collection<Entry> entries) {
        String index = alias + "-" + System.currentTimeMillis() + "-" + BUILDS.incrementAndGet();
        require(client.put("/" + index, UnitMapping.index(vocabulary)), "create " + index);
        try {
            var bulk = new StringBuilder();
            int units = 0;
            for (Entry entry : entries) {
                for (UnitDocument unit : DocumentBuilder.units(entry)) {
                    indexLine(bulk, unit);
                    if (++units % BULK_UNITS == 0) {
                        sendBulk(client, "/" + index + "/_bulk", bulk.toString());
                        bulk.setLength(0);
                    }
                }
            }
            buildLine(bulk, fingerprint);
            sendBulk(client, "/" + index + "/_bulk?refresh=true", bulk.toString());
            awaitReplica(client, index);
            List<String> previous = indexesOf(client, alias);
            ObjectNode swap = ClusterClient.JSON.createObjectNode();
            var actions = swap.putArray("actions");
            for (String old : previous) {
                actions.addObject().putObject("remove").put("index", old).put("alias", alias);
            }
            actions.addObject().putObject("add").put("index", index).put("alias", alias);
            require(client.post("/_aliases", swap), "point " + alias + " at " + index);
            for (String old : previous) {
                ClusterClient.Response deleted = client.delete("/" + old);
                if (!deleted.ok()) {
                    LOG.warn("the previous index {} of {} was not deleted: {}", old, alias, deleted);
                }
            }
        } catch (RuntimeException e) {
            ClusterClient.Response deleted = client.delete("/" + index);
            if (!deleted.ok()) {
                e.addSuppressed(new IllegalStateException("the half-built index " + index + " was not deleted: " + deleted));
            }
            throw e;
        }
    }

    /**
     * Waits until the new index's replica is a full copy (green), so that losing the node of the primary right after the
     * switch loses no shop: a replica still recovering cannot take over. A cluster that cannot place the replica (one node
     * left of two) gets the index anyway, with a warning: its shops are served, not yet safe.
     */
    private static void awaitReplica(ClusterClient client, String index) {
        ClusterClient.Response health = client.get("/_cluster/health/" + index + "?wait_for_status=green&timeout="
                + REPLICA_WAIT.toSeconds() + "s");
        if (!health.ok() || health.body().path("timed_out").asBoolean(true)) {
            LOG.warn("{} has no full replica after {} s (served anyway): {}", index, REPLICA_WAIT.toSeconds(), health.body());
        }
    }

    /** The indexes {@code alias} points at (none when it does not exist). */
    private static List<String> indexesOf(ClusterClient client, String alias) {
        ClusterClient.Response response = client.get("/_alias/" + alias);
        if (response.status() == 404) {
            return List.of();
        }
        require(response, "read alias " + alias);
        var names = new ArrayList<String>();
        response.body().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A bulk write, asked again (whole: its actions name their ids) while a copy it needs is failing over. */
    static void sendBulk(ClusterClient client, String path, String ndjson) {
        ClusterClient.Response response = client.throughFailover("a bulk write to " + path, () -> client.bulk(path, ndjson),
                answer -> !answer.body().path("errors").asBoolean(true) || !anyItemUnavailable(answer.body()));
        require(response, "bulk write to " + path);
        if (response.body().path("errors").asBoolean(true)) {
            for (JsonNode item : response.body().path("items")) {
                JsonNode result = item.elements().next();
                if (result.has("error")) {
                    throw new IllegalStateException("the cluster refused a write to " + path + ": " + result.path("error"));
                }
            }
            throw new IllegalStateException("the cluster reported errors in a bulk write to " + path + ": " + response.body());
        }
    }

    private static boolean anyItemUnavailable(JsonNode answer) {
        for (JsonNode item : answer.path("items")) {
            int status = item.elements().next().path("status").asInt(200);
            if (status >= 500 || status == 429) {
                return true;
            }
        }
        return false;
    }

    private static void indexLine(StringBuilder bulk, UnitDocument unit) {
        ObjectNode action = ClusterClient.JSON.createObjectNode();
        action.putObject("index").put("_id", unit.id());
        ObjectNode source = ClusterClient.JSON.createObjectNode();
        source.put(Fields.ENTRY_ID, unit.entryId());
        source.put(Fields.TYPE, unit.type());
        source.put(Fields.SCENARIO, unit.scenario());
        var products = source.putArray(Fields.PRODUCT);
        unit.products().forEach(products::add);
        source.put(Fields.UNIT, unit.unit().ordinal());
        source.put(Fields.UNIT_INDEX, unit.index());
        unit.texts().forEach(source::put);
        bulk.append(action).append('\n').append(source).append('\n');
    }

    private static void deleteLine(StringBuilder bulk, String id) {
        ObjectNode action = ClusterClient.JSON.createObjectNode();
        action.putObject("delete").put("_id", id);
        bulk.append(action).append('\n');
    }

    private static void buildLine(StringBuilder bulk, String fingerprint) {
        ObjectNode action = ClusterClient.JSON.createObjectNode();
        action.putObject("index").put("_id", BUILD_DOC);
        bulk.append(action).append('\n')
                .append(ClusterClient.JSON.createObjectNode().put(UnitMapping.FINGERPRINT, built(fingerprint))).append('\n');
    }

    /** What the build document records: the embedded index's format, this mapping's, and the caller's fingerprint. */
    private static String built(String fingerprint) {
        return KnowledgeIndex.FORMAT + "+cluster-1:" + fingerprint;
    }

    private static void require(ClusterClient.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException("the cluster refused to " + what + ": " + response.status() + " " + response.body());
        }
    }
}
