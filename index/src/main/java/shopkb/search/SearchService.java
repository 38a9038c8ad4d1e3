package shopkb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import shopkb.content.ContentSnapshot;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.content.ProductEntry;
import shopkb.indexing.Fields;
import shopkb.indexing.ServedContent;
import shopkb.indexing.UnitIndex;
import shopkb.indexing.UnitQuery;
import shopkb.personal.PersonalPhrasing;

/**
 * Answers buyer messages: parses, gathers candidates from the words (the lexical chain over the unit documents)
 * and from meaning (the nearest sentence vectors), fuses both into one ranking, and shapes ranked results with
 * snippets. Thread-safe; no locks on the search path.
 */
public final class SearchService {

    /**
     * Units looked at per search, per result asked for; entries are collapsed from these. Each FAQ has several
     * question units, so this leaves room for the requested number of distinct entries; collecting more only
     * slows the pruning of Lucene's top-k scorer.
     */
    private static final int UNITS_PER_RESULT = 5;
    private static final int MIN_UNITS_TO_COLLECT = 50;
    /** Lexical candidates whose meaning similarity is computed when the nearest texts did not include them. */
    private static final int COSINES_FOR_WORD_HITS = 20;
    private static final int SNIPPET_CHARS = 120;
    static final int MAX_RECOMMENDED_PHRASINGS = 5;

    /**
     * Share of an entry's second-best unit added to its best: a second question of the same FAQ matching the
     * message is evidence too, and breaks near-ties between neighbouring intents.
     */
    static final float SECOND_UNIT_WEIGHT = 0.5f;

    private final ServedContent served;
    private final BuyerQueryParser parser;
    private final RankingOptions options;
    private final MeaningSearch meaning;

    /**
     * @param parser must analyse as the index was analysed (same analysis options and vocabulary)
     * @param meaning the meaning signal, or null when the sentence model is off or could not load
     */
    public SearchService(ServedContent served, BuyerQueryParser parser, RankingOptions options, MeaningSearch meaning) {
        this.served = served;
        this.parser = parser;
        this.options = options;
        this.meaning = options.meaning() ? meaning : null;
    }

    public SearchResponse search(SearchRequest request) {
        return search(request, UsageVotes.NONE);
    }

    /** Whether this service ranks by meaning too. */
    public boolean usesMeaning() {
        return meaning != null;
    }

    /** Searches, lifting entries agents chose for the same message pattern (bounded, see {@link LearnedLift}). */
    public SearchResponse search(SearchRequest request, UsageVotes votes) {
        long start = System.nanoTime();
        BuyerQuery query = parser.parse(request.text());
        if (query.isEmpty() && request.productCode() == null) {
            return new SearchResponse(request.text(), millisSince(start), 0, false, 0, List.of(), List.of(), null, null,
                    query.pattern());
        }
        ContentSnapshot snapshot = served.current();
        // By words only, the ranking reads no coverage: only the answer first at the end needs it (for its confidence).
        Evidence evidence = gather(query, request, snapshot, meaning != null);
        List<UnitHit> best = RankFusion.rank(evidence.candidates(), meaning != null);
        if (options.negatives()) {
            best = NegativeExamples.pushDown(query.normalized(), best, snapshot);
        }
        best = LearnedLift.apply(best, votes.votesFor(query.pattern()));
        best = shortcutFirst(request.text(), best, snapshot);

        best = best.stream().filter(h -> snapshot.entry(h.entryId()) != null).toList(); // deleted since the search began
        if (meaning == null && !best.isEmpty()) {
            evidence.coverFirst(best.getFirst(), snapshot);
        }
        double confidence = RankFusion.confidence(best, evidence.byEntry()::get, meaning != null, RankFusion.CONFIDENCE);
        var results = new ArrayList<SearchResult>();
        for (UnitHit hit : best.subList(0, Math.min(request.limit(), best.size()))) {
            results.add(shape(snapshot.entry(hit.entryId()), hit, evidence.byEntry().get(hit.entryId()), evidence.terms(), snapshot));
        }
        return new SearchResponse(request.text(), millisSince(start), best.size(), RankFusion.confident(confidence, meaning != null),
                Math.round(confidence * 1000) / 1000.0, List.copyOf(results), recommendedOfFirstFaq(results, snapshot), null,
                null, query.pattern());
    }

    /** The first FAQ result's recommended phrasings, with the texts the agent copies (bounded by its phrasingIds). */
    private static List<RecommendedPhrasing> recommendedOfFirstFaq(List<SearchResult> results, ContentSnapshot snapshot) {
        return results.stream().filter(r -> r.phrasingIds() != null).findFirst()
                .map(faq -> faq.phrasingIds().stream()
                        .map(snapshot::entry)
                        .filter(PhrasingEntry.class::isInstance)
                        .map(PhrasingEntry.class::cast)
                        .map(p -> new RecommendedPhrasing(p.id(), p.title(), p.text(), p.shortcut()))
                        .toList())
                .orElse(List.of());
    }

    /** The evidence fusion weighs for each entry found, by words or by meaning (for calibration and inspection). */
    public List<Candidate> candidates(SearchRequest request) {
        BuyerQuery query = parser.parse(request.text());
        if (query.isEmpty() && request.productCode() == null) {
            return List.of();
        }
        return gather(query, request, served.current(), true).candidates();
    }

    /** The best-scoring unit of one entry, with the entry's score (lexical, or fused strength). */
    public record UnitHit(String entryId, Fields.Unit unit, int unitIndex, float score) {
    }

    /** Candidates from both signals, by entry id, the message's terms (for highlighting) and its coverage measure. */
    private record Evidence(List<Candidate> candidates, Map<String, Candidate> byEntry, List<QueryTerm> terms,
                            MessageCoverage coverage) {

        /** Computes the coverage of the candidate behind {@code first} when the gathering left it out. */
        void coverFirst(UnitHit first, ContentSnapshot snapshot) {
            Candidate candidate = byEntry.get(first.entryId());
            Entry entry = snapshot.entry(first.entryId());
            if (candidate != null && entry != null && !candidate.covered()) {
                byEntry.put(candidate.entryId(), candidate.withCoverage(
                        coverage.ofUnit(entry, candidate.unit(), candidate.unitIndex())));
            }
        }
    }

    /**
     * @param everyCoverage compute every candidate's coverage (else none of the word hits': {@link Candidate#covered()})
     */
    private Evidence gather(BuyerQuery query, SearchRequest request, ContentSnapshot snapshot, boolean everyCoverage) {
        List<QueryTerm> terms = Stream.concat(query.words().stream(), query.grams().stream()).toList();
        UnitIndex.Found stats = served.index().search(UnitQuery.NOTHING, 0, counted(query));
        var coverage = new MessageCoverage(Confidence.idf(stats, query), query);
        UnitIndex.Found found = !options.words() ? stats : served.index().search(
                QueryBuilder.build(query, request, options, stats.docFreqs()),
                Math.max(MIN_UNITS_TO_COLLECT, UNITS_PER_RESULT * request.limit()), List.of());
        List<UnitHit> words = List.copyOf(collapse(found.units(), options.multiUnit() ? SECOND_UNIT_WEIGHT : 0f).values());
        float[] message = meaning == null || query.meaningText().isEmpty() ? null : meaning.vectorOf(query.meaningText());
        Map<String, MeaningSearch.Hit> near = message == null ? Map.of()
                : MeaningSearch.byEntry(meaning.nearest(message, request, snapshot));
        float topWords = words.isEmpty() ? 1f : words.getFirst().score();
        Map<String, Float> wordHitCosines = message == null ? Map.of() : meaning.cosines(message,
                wordHitTexts(words.subList(0, Math.min(COSINES_FOR_WORD_HITS, words.size())), near, snapshot));
        List<String> focus = QueryBuilder.focusCodes(query, request);
        var byEntry = new LinkedHashMap<String, Candidate>();
        for (UnitHit hit : words) {
            Entry entry = snapshot.entry(hit.entryId());
            if (entry == null) {
                continue;
            }
            MeaningSearch.Hit nearHit = near.get(hit.entryId());
            double cosine = 0;
            double second = nearHit == null ? 0 : nearHit.secondCosine();
            if (nearHit != null) {
                cosine = nearHit.cosine();
            } else if (message != null) {
                String text = UnitText.meaning(entry, hit.unit(), hit.unitIndex());
                cosine = text == null ? 0 : wordHitCosines.getOrDefault(meaning.key(text), 0f);
            }
            double covered = everyCoverage ? coverage.ofUnit(entry, hit.unit(), hit.unitIndex()) : Candidate.NOT_COVERED;
            byEntry.put(hit.entryId(), new Candidate(hit.entryId(), UnitText.intent(entry, hit.unitIndex()), hit.unit(),
                    hit.unitIndex(), hit.score(),
                    hit.score() / topWords, covered, cosine, second, inFocus(entry, focus), named(entry, query), true,
                    nearHit != null));
        }
        for (String id : productsInFocus(focus, snapshot)) {
            Entry product = snapshot.entry(id);
            // The facts card of a product in focus is always offered, though its one unit can be crowded out of the
            // units Lucene collects by the many questions of the FAQs about it.
            if (!byEntry.containsKey(id) && product != null && (request.types().isEmpty() || request.types().contains(product.type()))) {
                double covered = coverage.ofUnit(product, Fields.Unit.BODY, 0);
                String text = UnitText.meaning(product, Fields.Unit.BODY, 0);
                double cosine = message == null || text == null ? 0
                        : meaning.cosines(message, List.of(text)).getOrDefault(meaning.key(text), 0f);
                byEntry.put(id, new Candidate(id, null, Fields.Unit.BODY, 0, 0f, 0, covered, cosine, 0, true,
                        named(product, query), true, false));
            }
        }
        for (MeaningSearch.Hit hit : near.values()) {
            if (byEntry.containsKey(hit.entryId())) {
                continue;
            }
            Entry entry = snapshot.entry(hit.entryId());
            // Meaning alone (the quality table's row) knows nothing of the words.
            double covered = !options.words() ? 0 : coverage.ofUnit(entry, hit.unit(), hit.unitIndex());
            byEntry.put(hit.entryId(), new Candidate(hit.entryId(), UnitText.intent(entry, hit.unitIndex()), hit.unit(),
                    hit.unitIndex(), 0f, 0, covered,
                    hit.cosine(), hit.secondCosine(), inFocus(entry, focus), named(entry, query), false, true));
        }
        return new Evidence(List.copyOf(byEntry.values()), byEntry, terms, coverage);
    }


    private static List<String> productsInFocus(List<String> focusCodes, ContentSnapshot snapshot) {
        var ids = new ArrayList<String>();
        for (String code : focusCodes) {
            snapshot.productIdByCode().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(code))
                    .map(Map.Entry::getValue).findFirst().ifPresent(ids::add);
        }
        return ids;
    }

    private static boolean named(Entry entry, BuyerQuery query) {
        return entry instanceof ProductEntry product && query.productCodes().contains(product.code().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean inFocus(Entry entry, List<String> focusCodes) {
        return !focusCodes.isEmpty() && entry.productCodes().stream().anyMatch(c -> focusCodes.contains(c.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The query the words chain would ask the index for {@code request}, for measuring what a message costs (a search's
     * time follows its number of clauses); searching does not go through here. Nothing when ranking by meaning only.
     */
    public UnitQuery wordsQuery(SearchRequest request) {
        if (!options.words()) {
            return UnitQuery.NOTHING;
        }
        BuyerQuery query = parser.parse(request.text());
        return QueryBuilder.build(query, request, options, served.index().search(UnitQuery.NOTHING, 0, counted(query)).docFreqs());
    }

    /** The terms whose unit counts a search needs: for confidence, and to build the query. */
    private List<UnitIndex.FieldTerm> counted(BuyerQuery query) {
        var counted = new ArrayList<>(Confidence.counted(query));
        if (options.words()) {
            counted.addAll(QueryBuilder.counted(query, options));
        }
        return counted;
    }

    /** The meaning texts of word hits the nearest texts did not include: their cosines are computed exactly. */
    private static List<String> wordHitTexts(List<UnitHit> hits, Map<String, MeaningSearch.Hit> near, ContentSnapshot snapshot) {
        var texts = new ArrayList<String>();
        for (UnitHit hit : hits) {
            Entry entry = snapshot.entry(hit.entryId());
            String text = entry == null || near.containsKey(hit.entryId()) ? null : UnitText.meaning(entry, hit.unit(), hit.unitIndex());
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** The units found, best first, as entries: each with its best unit, plus a share of its second best's score. */
    private static Map<String, UnitHit> collapse(List<UnitIndex.ScoredUnit> units, float secondUnitWeight) {
        var best = new LinkedHashMap<String, UnitHit>();
        var second = new HashMap<String, Float>();
        for (UnitIndex.ScoredUnit unit : units) {
            if (!best.containsKey(unit.entryId())) {
                best.put(unit.entryId(), new UnitHit(unit.entryId(), unit.unit(), unit.index(), unit.score()));
            } else {
                second.putIfAbsent(unit.entryId(), unit.score());
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
    private static List<UnitHit> shortcutFirst(String text, List<UnitHit> hits, ContentSnapshot snapshot) {
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

    private static SearchResult shape(Entry entry, UnitHit hit, Candidate candidate, List<QueryTerm> terms,
                                      ContentSnapshot snapshot) {
        var h = Highlighter.highlight(UnitText.shown(entry, hit.unit(), hit.unitIndex()), terms, SNIPPET_CHARS);
        List<String> matchedBy = matchedBy(candidate);
        return switch (entry) {
            case FaqEntry faq -> new SearchResult(faq.id(), "faq", faq.intent(), faq.scenario(), faq.question(), h.html(),
                    hit.score(), h.matchedTerms(), matchedBy, faq.answer(), faq.note(),
                    recommended(snapshot.phrasingIdsFor(faq.intent())), null, null, null, null, null, null, null);
            case PhrasingEntry phrasing -> new SearchResult(phrasing.id(), "phrasing", phrasing.intent(), phrasing.scenario(),
                    phrasing.title(), h.html(), hit.score(), h.matchedTerms(), matchedBy, null, null, null, phrasing.text(),
                    phrasing.shortcut(), null, null, null, null, null);
            case PolicyEntry policy -> {
                PolicySection section = UnitText.section(policy, hit.unitIndex());
                yield new SearchResult(policy.id(), "policy", UnitText.intent(policy, hit.unitIndex()), policy.scenario(), policy.title(), h.html(),
                        hit.score(), h.matchedTerms(), matchedBy, null, null, null, null, null, section.heading(), null, null,
                        null, null);
            }
            case ProductEntry product -> new SearchResult(product.id(), "product", null, product.scenario(),
                    product.displayTitle(), h.html(), hit.score(), h.matchedTerms(), matchedBy, null, null, null, null, null,
                    null, product.code(), product.attributes(), product.sizeAdvice(), product.care());
        };
    }

    /** Which signals found the entry: "words", "meaning" or both (a short code's phrasing: words). */
    private static List<String> matchedBy(Candidate candidate) {
        if (candidate == null || (candidate.byWords() && !candidate.byMeaning())) {
            return List.of("words");
        }
        return candidate.byWords() ? List.of("words", "meaning") : List.of("meaning");
    }

    /**
     * The first few phrasings of the answer's intent: enough to offer beside it, and a response stays small
     * when an intent has hundreds of phrasings (a result carried 600 ids at 100,000 entries).
     */
    private static List<String> recommended(List<String> phrasingIds) {
        return List.copyOf(phrasingIds.subList(0, Math.min(MAX_RECOMMENDED_PHRASINGS, phrasingIds.size())));
    }

    /**
     * The agent's own phrasings for a message: the one whose short code the message is, else those whose title and text
     * cover at least half of the message's information (weighted as confidence weighs it), most covering first.
     */
    public List<OwnPhrasingResult> matchOwn(String message, List<PersonalPhrasing> own, int max) {
        if (own.isEmpty()) {
            return List.of();
        }
        String code = message.strip().toLowerCase(java.util.Locale.ROOT);
        if (code.startsWith("/")) {
            return own.stream().filter(p -> code.equals(p.shortcut())).limit(1)
                    .map(p -> ownResult(p, Highlighter.highlight(p.text(), List.of(), SNIPPET_CHARS))).toList();
        }
        BuyerQuery query = parser.parse(message);
        if (query.isEmpty()) {
            return List.of();
        }
        List<QueryTerm> terms = Stream.concat(query.words().stream(), query.grams().stream()).toList();
        var coverage = new MessageCoverage(
                Confidence.idf(served.index().search(UnitQuery.NOTHING, 0, Confidence.counted(query)), query), query);
        record Scored(PersonalPhrasing phrasing, double coverage) {
        }
        return own.stream()
                .map(p -> new Scored(p, coverage.of(p.title() + "\n" + p.text())))
                .filter(s -> s.coverage() >= OWN_MIN_COVERAGE)
                .sorted((a, b) -> Double.compare(b.coverage(), a.coverage()))
                .limit(max)
                .map(s -> ownResult(s.phrasing(), Highlighter.highlight(s.phrasing().text(), terms, SNIPPET_CHARS)))
                .toList();
    }

    /** Share of the message's information an own phrasing must cover to be shown. */
    static final double OWN_MIN_COVERAGE = 0.5;

    private static OwnPhrasingResult ownResult(PersonalPhrasing phrasing, Highlighter.Highlight highlight) {
        return new OwnPhrasingResult(phrasing.id(), phrasing.title(), phrasing.text(), phrasing.shortcut(), highlight.html(),
                highlight.matchedTerms(), true);
    }

    /** The pattern of a message (see {@link BuyerQuery#pattern()}). */
    public String pattern(String text) {
        return parser.parse(text).pattern();
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
