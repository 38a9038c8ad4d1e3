package shopkb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shopkb.content.EntryType;
import shopkb.indexing.Fields;
import shopkb.indexing.UnitIndex;
import shopkb.indexing.UnitQuery;

/**
 * Builds the query for a {@link BuyerQuery}, for every engine (see {@link UnitQuery}): exact terms only (no query syntax),
 * each weighted by its term weight and its field's weight. A buyer message is matched first against questions, then
 * titles, then body text.
 */
final class QueryBuilder {

    static final float QUESTION_BOOST = 3f;
    static final float TITLE_BOOST = 1.5f;
    static final float BODY_BOOST = 0.6f;
    /** Bigrams overlap each other, so each counts for less than a word. */
    static final float GRAMS_BOOST = 0.7f;
    static final float PRODUCT_FOCUS_BOOST = 4f;
    /** Pinyin catches homophone typos but must never beat an exact match. */
    static final float PINYIN_BOOST = 0.3f;

    private QueryBuilder() {
    }

    /**
     * The query for {@code query}. {@code docFreqs} holds the unit counts of at least {@link #counted}'s terms: a bigram
     * and its pinyin pair that match exactly the same units are scored once (see {@link #addGrams}), and a term no unit
     * holds is left out (it scores nothing, but each term costs a look-up in the index and a scorer; a fifth of a
     * message's terms, most of them in titles, are in no unit).
     */
    static UnitQuery build(BuyerQuery query, SearchRequest request, RankingOptions options,
                           Map<UnitIndex.FieldTerm, Integer> docFreqs) {
        var text = new ArrayList<UnitQuery.Clause>();
        addField(text, Fields.QUESTION_WORDS, query.words(), boost(options, QUESTION_BOOST));
        addField(text, Fields.TITLE_WORDS, query.words(), boost(options, TITLE_BOOST));
        addField(text, Fields.BODY_WORDS, query.words(), boost(options, BODY_BOOST));
        for (SoundAlike fields : SOUND_ALIKE) {
            addGrams(text, fields, query, options, boost(options, fields.boost()), docFreqs);
        }
        for (String code : focusCodes(query, request)) {
            text.add(new UnitQuery.Term(Fields.PRODUCT, code, PRODUCT_FOCUS_BOOST));
        }
        List<UnitQuery.Clause> held = heldOnly(text, docFreqs);
        if (held.isEmpty()) {
            return UnitQuery.NOTHING;
        }
        return new UnitQuery(held, request.types().stream().map(EntryType::folder).toList(), request.scenario());
    }

    /** A bigram field, the pinyin field of the same text, and their text's field boost. */
    private record SoundAlike(String grams, String pinyin, float boost) {
    }

    private static final List<SoundAlike> SOUND_ALIKE = List.of(
            new SoundAlike(Fields.QUESTION_GRAMS, Fields.QUESTION_PINYIN, QUESTION_BOOST),
            new SoundAlike(Fields.TITLE_GRAMS, Fields.TITLE_PINYIN, TITLE_BOOST));

    /** The terms whose unit counts {@link #build} needs: every term of a text field it may search. */
    static List<UnitIndex.FieldTerm> counted(BuyerQuery query, RankingOptions options) {
        var terms = new ArrayList<UnitIndex.FieldTerm>();
        for (String field : Fields.WORD_FIELDS) {
            scored(query.words()).forEach(t -> terms.add(new UnitIndex.FieldTerm(field, t.text())));
        }
        for (SoundAlike fields : SOUND_ALIKE) {
            if (options.bigrams()) {
                scored(query.grams()).forEach(t -> terms.add(new UnitIndex.FieldTerm(fields.grams(), t.text())));
            }
            query.pinyin().forEach(t -> terms.add(new UnitIndex.FieldTerm(fields.pinyin(), t.text())));
        }
        return terms;
    }

    /** The clauses without the terms no unit holds (as counted in {@code docFreqs}; a term not counted stays). */
    private static List<UnitQuery.Clause> heldOnly(List<UnitQuery.Clause> clauses, Map<UnitIndex.FieldTerm, Integer> docFreqs) {
        var held = new ArrayList<UnitQuery.Clause>();
        for (UnitQuery.Clause clause : clauses) {
            switch (clause) {
                case UnitQuery.Term term -> {
                    if (isHeld(term, docFreqs)) {
                        held.add(term);
                    }
                }
                case UnitQuery.BestOf best -> {
                    List<UnitQuery.Term> alternatives = best.alternatives().stream().filter(t -> isHeld(t, docFreqs)).toList();
                    if (!alternatives.isEmpty()) {
                        held.add(new UnitQuery.BestOf(alternatives));
                    }
                }
            }
        }
        return held;
    }

    private static boolean isHeld(UnitQuery.Term term, Map<UnitIndex.FieldTerm, Integer> docFreqs) {
        return docFreqs.getOrDefault(new UnitIndex.FieldTerm(term.field(), term.text()), 1) > 0;
    }

    /**
     * The bigram clauses of a field, and the pinyin pairs of its text. A pinyin pair is held by every unit holding a
     * bigram of the same span (黑色 → hei_se); where it is held by no more units than that bigram (no homophone written
     * otherwise), it is held by the same units, and scoring it again only walks the same postings a second time: it is
     * scored as the bigram, its boost added (a quarter of a message's clauses went). Not done for words: a word and its
     * bigram also match the same units but are normalised by different field lengths, and folding them moved near-ties.
     */
    private static void addGrams(List<UnitQuery.Clause> clauses, SoundAlike fields, BuyerQuery query, RankingOptions options,
                                 float fieldBoost, Map<UnitIndex.FieldTerm, Integer> docFreqs) {
        String gramsField = fields.grams();
        String pinyinField = fields.pinyin();
        float gramsBoost = fieldBoost * GRAMS_BOOST;
        float pinyinBoost = fieldBoost * PINYIN_BOOST;
        var pinyinBySpan = new HashMap<Long, QueryTerm>();
        if (options.pinyin()) {
            query.pinyin().forEach(t -> pinyinBySpan.putIfAbsent(span(t), t));
        }
        var folded = new HashSet<QueryTerm>();
        if (options.bigrams()) {
            for (QueryTerm gram : ordinary(query.grams())) {
                float boost = gramsBoost * gram.weight();
                QueryTerm pinyin = pinyinBySpan.get(span(gram));
                if (pinyin != null && docFreq(docFreqs, pinyinField, pinyin) == docFreq(docFreqs, gramsField, gram)) {
                    folded.add(pinyin);
                    boost += pinyinBoost * pinyin.weight();
                }
                clauses.add(new UnitQuery.Term(gramsField, gram.text(), boost));
            }
            addGroups(clauses, gramsField, query.grams(), gramsBoost);
        }
        for (QueryTerm pinyin : query.pinyin()) {
            if (!folded.contains(pinyin)) {
                clauses.add(new UnitQuery.Term(pinyinField, pinyin.text(), pinyinBoost * pinyin.weight()));
            }
        }
    }

    private static int docFreq(Map<UnitIndex.FieldTerm, Integer> docFreqs, String field, QueryTerm term) {
        Integer df = docFreqs.get(new UnitIndex.FieldTerm(field, term.text()));
        if (df == null) {
            throw new IllegalStateException("the index did not count '" + term.text() + "' in " + field);
        }
        return df;
    }

    private static long span(QueryTerm term) {
        return ((long) term.start() << 32) | term.end();
    }

    /**
     * The message's ordinary terms worth scoring: not a synonym's expansion, not a particle. Particles are left out of
     * every clause: the commonest terms, scoring their long postings cost ~15% of a search at 100k entries for a tenth of
     * a word's weight, and changed no ranking. They still count for highlighting and confidence.
     */
    private static List<QueryTerm> ordinary(List<QueryTerm> terms) {
        return terms.stream().filter(t -> t.group() < 0 && t.weight() > BuyerQueryParser.PARTICLE_WEIGHT).toList();
    }

    /** The message's terms worth scoring: ordinary ones and synonyms' expansions, not particles. */
    private static List<QueryTerm> scored(List<QueryTerm> terms) {
        return terms.stream().filter(t -> t.weight() > BuyerQueryParser.PARTICLE_WEIGHT).toList();
    }

    static List<String> focusCodes(BuyerQuery query, SearchRequest request) {
        var codes = new LinkedHashSet<String>(query.productCodes());
        if (request.productCode() != null) {
            codes.add(request.productCode().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(codes);
    }

    private static float boost(RankingOptions options, float fieldBoost) {
        return options.fieldWeighting() ? fieldBoost : 1f;
    }

    /** One clause per ordinary term of {@code field}, then its synonym groups (see {@link #addGroups}). */
    private static void addField(List<UnitQuery.Clause> clauses, String field, List<QueryTerm> terms, float fieldBoost) {
        for (QueryTerm term : ordinary(terms)) {
            clauses.add(new UnitQuery.Term(field, term.text(), fieldBoost * term.weight()));
        }
        addGroups(clauses, field, terms, fieldBoost);
    }

    /**
     * The expansions of one synonym span go into a single best-of clause, so a concept with many synonyms counts once,
     * not once per synonym.
     */
    private static void addGroups(List<UnitQuery.Clause> clauses, String field, List<QueryTerm> terms, float fieldBoost) {
        var groups = new LinkedHashMap<Integer, List<UnitQuery.Term>>();
        for (QueryTerm term : terms) {
            if (term.group() >= 0 && term.weight() > BuyerQueryParser.PARTICLE_WEIGHT) {
                groups.computeIfAbsent(term.group(), g -> new ArrayList<>()).add(new UnitQuery.Term(field, term.text(), fieldBoost * term.weight()));
            }
        }
        for (List<UnitQuery.Term> alternatives : groups.values()) {
            clauses.add(new UnitQuery.BestOf(alternatives));
        }
    }
}
