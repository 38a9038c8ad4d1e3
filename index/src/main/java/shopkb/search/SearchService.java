package shopkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import shopkb.content.ContentStore;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.content.ProductEntry;
import shopkb.indexing.Fields;
import shopkb.indexing.KnowledgeIndex;

/**
 * Answers buyer messages: parses, searches the unit documents, keeps each entry's best unit, and shapes
 * ranked results with snippets. Thread-safe; no locks on the search path.
 */
public final class SearchService {

    /**
     * Units looked at per search, per result asked for; entries are collapsed from these. Each FAQ has about five
     * question units, so this leaves room for the requested number of distinct entries; collecting more only
     * slows the pruning of Lucene's top-k scorer.
     */
    private static final int UNITS_PER_RESULT = 5;
    private static final int MIN_UNITS_TO_COLLECT = 50;
    private static final int SNIPPET_CHARS = 120;
    static final int MAX_RECOMMENDED_PHRASINGS = 5;
    /** Share of the message's information (IDF-weighted) the top result must match to be a confident answer. */
    static final double CONFIDENT_COVERAGE = 0.55;

    /**
     * Share of an entry's second-best unit added to its best: a second question of the same FAQ matching the
     * message is evidence too, and breaks near-ties between neighbouring intents.
     */
    static final float SECOND_UNIT_WEIGHT = 0.5f;

    private final KnowledgeIndex index;
    private final ContentStore store;
    private final BuyerQueryParser parser;
    private final RankingOptions options;

    /**
     * @param parser must analyse as the index was analysed (same analysis options and vocabulary)
     */
    public SearchService(KnowledgeIndex index, ContentStore store, BuyerQueryParser parser, RankingOptions options) {
        this.index = index;
        this.store = store;
        this.parser = parser;
        this.options = options;
    }

    public SearchResponse search(SearchRequest request) {
        return search(request, UsageVotes.NONE);
    }

    /** Searches, lifting entries agents chose for the same message pattern (bounded, see {@link LearnedLift}). */
    public SearchResponse search(SearchRequest request, UsageVotes votes) {
        long start = System.nanoTime();
        BuyerQuery query = parser.parse(request.text());
        if (query.isEmpty() && request.productCode() == null) {
            return new SearchResponse(request.text(), millisSince(start), 0, false, 0, List.of(), null);
        }
        Query luceneQuery = QueryBuilder.build(query, request, options);
        List<QueryTerm> terms = Stream.concat(query.words().stream(), query.grams().stream()).toList();
        var idf = new HashMap<QueryTerm, Double>();
        List<UnitHit> best = index.withSearcher(searcher -> {
            Map<String, UnitHit> hits = collapse(searcher, luceneQuery,
                    Math.max(MIN_UNITS_TO_COLLECT, UNITS_PER_RESULT * request.limit()), options.multiUnit() ? SECOND_UNIT_WEIGHT : 0f);
            idf.putAll(Confidence.idf(searcher.getIndexReader(), query));
            return List.copyOf(hits.values());
        });
        ContentStore.Snapshot snapshot = store.current();
        if (options.negatives()) {
            best = NegativeExamples.pushDown(query.normalized(), best, snapshot);
        }
        best = LearnedLift.apply(best, votes.votesFor(query.pattern()));
        best = shortcutFirst(request.text(), best, snapshot);

        var results = new ArrayList<SearchResult>();
        double confidence = 0;
        for (UnitHit hit : best) {
            Entry entry = snapshot.entry(hit.entryId());
            if (entry == null) {
                continue; // deleted since the searcher was opened
            }
            SearchResult result = shape(entry, hit, terms, snapshot);
            if (results.isEmpty()) {
                confidence = Confidence.coverage(idf, query, result.matchedTerms());
            }
            results.add(result);
            if (results.size() == request.limit()) {
                break;
            }
        }
        return new SearchResponse(request.text(), millisSince(start), best.size(), confidence >= CONFIDENT_COVERAGE,
                Math.round(confidence * 1000) / 1000.0, List.copyOf(results), null);
    }

    /** The best-scoring unit of one entry. */
    record UnitHit(String entryId, Fields.Unit unit, int unitIndex, float score) {
    }

    private static Map<String, UnitHit> collapse(IndexSearcher searcher, Query query, int unitsToCollect, float secondUnitWeight)
            throws IOException {
        // The hit count is not needed: counting exactly up to Lucene's default 1,000 hits would delay pruning.
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(unitsToCollect, unitsToCollect));
        UnitReader.Unit[] units = UnitReader.read(searcher.getIndexReader(), top.scoreDocs);
        var best = new LinkedHashMap<String, UnitHit>();
        var second = new java.util.HashMap<String, Float>();
        for (int i = 0; i < units.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            UnitReader.Unit unit = units[i];
            if (!best.containsKey(unit.entryId())) {
                best.put(unit.entryId(), new UnitHit(unit.entryId(), unit.kind(), unit.index(), scoreDoc.score));
            } else {
                second.putIfAbsent(unit.entryId(), scoreDoc.score);
            }
        }
        if (secondUnitWeight == 0f || second.isEmpty()) {
            return best;
        }
        var sorted = new LinkedHashMap<String, UnitHit>();
        best.values().stream()
                .map(h -> new UnitHit(h.entryId(), h.unit(), h.unitIndex(), h.score() + secondUnitWeight * second.getOrDefault(h.entryId(), 0f)))
                .sorted((a, b) -> Float.compare(b.score(), a.score()))
                .forEach(h -> sorted.put(h.entryId(), h));
        return sorted;
    }

    /**
     * An agent typing a phrasing's short code (/wl, as in 千牛 快捷短语) gets that phrasing first, whatever
     * the text ranking says.
     */
    private static List<UnitHit> shortcutFirst(String text, List<UnitHit> hits, ContentStore.Snapshot snapshot) {
        String code = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!code.startsWith("/") || code.length() > 13) {
            return hits;
        }
        String id = snapshot.phrasingIdByShortcut().get(code);
        if (id == null) {
            return hits;
        }
        var reordered = new ArrayList<UnitHit>();
        float top = hits.isEmpty() ? 1f : hits.getFirst().score();
        reordered.add(new UnitHit(id, Fields.Unit.BODY, 0, top + 1f));
        hits.stream().filter(h -> !h.entryId().equals(id)).forEach(reordered::add);
        return reordered;
    }

    private static SearchResult shape(Entry entry, UnitHit hit, List<QueryTerm> terms, ContentStore.Snapshot snapshot) {
        return switch (entry) {
            case FaqEntry faq -> {
                String source = hit.unit() == Fields.Unit.QUESTION ? faq.allQuestions().get(hit.unitIndex()) : faq.answer();
                var h = Highlighter.highlight(source, terms, SNIPPET_CHARS);
                yield new SearchResult(faq.id(), "faq", faq.intent(), faq.scenario(), faq.question(), h.html(),
                        hit.score(), h.matchedTerms(), faq.answer(), faq.note(), recommended(snapshot.phrasingIdsFor(faq.intent())),
                        null, null, null, null, null);
            }
            case PhrasingEntry phrasing -> {
                var h = Highlighter.highlight(phrasing.title() + " · " + phrasing.text(), terms, SNIPPET_CHARS);
                yield new SearchResult(phrasing.id(), "phrasing", phrasing.intent(), phrasing.scenario(),
                        phrasing.title(), h.html(), hit.score(), h.matchedTerms(), null, null, null, phrasing.text(),
                        phrasing.shortcut(), null, null, null);
            }
            case PolicyEntry policy -> {
                PolicySection section = policy.sections().get(Math.min(hit.unitIndex(), policy.sections().size() - 1));
                var h = Highlighter.highlight(section.heading() + " · " + section.text(), terms, SNIPPET_CHARS);
                String intent = section.intent() != null ? section.intent() : policy.intent();
                yield new SearchResult(policy.id(), "policy", intent, policy.scenario(), policy.title(),
                        h.html(), hit.score(), h.matchedTerms(), null, null, null, null, null, section.heading(), null, null);
            }
            case ProductEntry product -> {
                String facts = Stream.concat(Stream.of(product.name()), product.attributes().entrySet().stream()
                        .map(a -> a.getKey() + ":" + a.getValue())).collect(Collectors.joining(";"));
                var h = Highlighter.highlight(facts, terms, SNIPPET_CHARS);
                yield new SearchResult(product.id(), "product", null, product.scenario(),
                        product.displayTitle(), h.html(), hit.score(), h.matchedTerms(), null, null, null, null, null, null,
                        product.code(), product.attributes());
            }
        };
    }

    /**
     * The first few phrasings of the answer's intent: enough to offer beside it, and a response stays small
     * when an intent has hundreds of phrasings (a result carried 600 ids at 100,000 entries).
     */
    private static List<String> recommended(List<String> phrasingIds) {
        return List.copyOf(phrasingIds.subList(0, Math.min(MAX_RECOMMENDED_PHRASINGS, phrasingIds.size())));
    }

    /** The pattern of a message (see {@link BuyerQuery#pattern()}). */
    public String pattern(String text) {
        return parser.parse(text).pattern();
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
