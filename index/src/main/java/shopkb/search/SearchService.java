package shopkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
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

    /** Units looked at per search; entries are collapsed from these. */
    private static final int UNITS_TO_COLLECT = 400;
    private static final int SNIPPET_CHARS = 120;
    /** Share of the message's meaningful characters the top result must cover to be a confident answer. */
    static final double CONFIDENT_COVERAGE = 0.5;
    private static final Set<String> UNIT_FIELDS = Set.of(Fields.ENTRY_ID, Fields.UNIT, Fields.UNIT_INDEX);

    private final KnowledgeIndex index;
    private final ContentStore store;
    private final BuyerQueryParser parser = new BuyerQueryParser();
    private final RankingOptions options;

    public SearchService(KnowledgeIndex index, ContentStore store, RankingOptions options) {
        this.index = index;
        this.store = store;
        this.options = options;
    }

    public SearchService(KnowledgeIndex index, ContentStore store) {
        this(index, store, RankingOptions.full());
    }

    public SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        BuyerQuery query = parser.parse(request.text());
        if (query.isEmpty() && request.productCode() == null) {
            return new SearchResponse(request.text(), millisSince(start), 0, false, List.of());
        }
        Query luceneQuery = QueryBuilder.build(query, request, options);
        Map<String, UnitHit> best = index.withSearcher(searcher -> collapse(searcher, luceneQuery));
        ContentStore.Snapshot snapshot = store.current();
        List<QueryTerm> terms = Stream.concat(query.words().stream(), query.grams().stream()).toList();
        int meaningfulChars = meaningfulChars(terms);

        var results = new ArrayList<SearchResult>();
        boolean confident = false;
        for (UnitHit hit : best.values()) {
            Entry entry = snapshot.entry(hit.entryId());
            if (entry == null) {
                continue; // deleted since the searcher was opened
            }
            var shaped = shape(entry, hit, terms, snapshot);
            if (results.isEmpty()) {
                confident = meaningfulChars > 0 && shaped.coverage(meaningfulChars) >= CONFIDENT_COVERAGE;
            }
            results.add(shaped.result());
            if (results.size() == request.limit()) {
                break;
            }
        }
        return new SearchResponse(request.text(), millisSince(start), best.size(), confident, List.copyOf(results));
    }

    /** The best-scoring unit of one entry. */
    private record UnitHit(String entryId, Fields.Unit unit, int unitIndex, float score) {
    }

    private static Map<String, UnitHit> collapse(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, UNITS_TO_COLLECT);
        StoredFields stored = searcher.storedFields();
        var best = new LinkedHashMap<String, UnitHit>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = stored.document(scoreDoc.doc, UNIT_FIELDS);
            String id = doc.get(Fields.ENTRY_ID);
            if (!best.containsKey(id)) {
                best.put(id, new UnitHit(id, Fields.Unit.valueOf(doc.get(Fields.UNIT)),
                        doc.getField(Fields.UNIT_INDEX).numericValue().intValue(), scoreDoc.score));
            }
        }
        return best;
    }

    private record Shaped(SearchResult result, int coveredChars) {
        double coverage(int meaningfulChars) {
            return (double) coveredChars / meaningfulChars;
        }
    }

    private static Shaped shape(Entry entry, UnitHit hit, List<QueryTerm> terms, ContentStore.Snapshot snapshot) {
        return switch (entry) {
            case FaqEntry faq -> {
                String source = hit.unit() == Fields.Unit.QUESTION ? faq.allQuestions().get(hit.unitIndex()) : faq.answer();
                var h = Highlighter.highlight(source, terms, SNIPPET_CHARS);
                yield new Shaped(new SearchResult(faq.id(), "faq", faq.intent(), faq.scenario(), faq.question(), h.html(),
                        hit.score(), h.matchedTerms(), faq.answer(), snapshot.phrasingIdsFor(faq.intent()),
                        null, null, null, null, null), h.coveredQueryChars());
            }
            case PhrasingEntry phrasing -> {
                var h = Highlighter.highlight(phrasing.title() + " · " + phrasing.text(), terms, SNIPPET_CHARS);
                yield new Shaped(new SearchResult(phrasing.id(), "phrasing", phrasing.intent(), phrasing.scenario(),
                        phrasing.title(), h.html(), hit.score(), h.matchedTerms(), null, null, phrasing.text(),
                        phrasing.shortcut(), null, null, null), h.coveredQueryChars());
            }
            case PolicyEntry policy -> {
                PolicySection section = policy.sections().get(Math.min(hit.unitIndex(), policy.sections().size() - 1));
                var h = Highlighter.highlight(section.heading() + " · " + section.text(), terms, SNIPPET_CHARS);
                String intent = section.intent() != null ? section.intent() : policy.intent();
                yield new Shaped(new SearchResult(policy.id(), "policy", intent, policy.scenario(), policy.title(),
                        h.html(), hit.score(), h.matchedTerms(), null, null, null, null, section.heading(), null, null),
                        h.coveredQueryChars());
            }
            case ProductEntry product -> {
                String facts = Stream.concat(Stream.of(product.name()), product.attributes().entrySet().stream()
                        .map(a -> a.getKey() + ":" + a.getValue())).collect(Collectors.joining(";"));
                var h = Highlighter.highlight(facts, terms, SNIPPET_CHARS);
                yield new Shaped(new SearchResult(product.id(), "product", null, product.scenario(),
                        product.displayTitle(), h.html(), hit.score(), h.matchedTerms(), null, null, null, null, null,
                        product.code(), product.attributes()), h.coveredQueryChars());
            }
        };
    }

    /** Characters of the message covered by full-weight terms: what a confident answer must match. */
    private static int meaningfulChars(List<QueryTerm> terms) {
        var chars = new BitSet();
        for (QueryTerm term : terms) {
            if (term.weight() >= 1f) {
                chars.set(term.start(), term.end());
            }
        }
        return chars.cardinality();
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
