package shopkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import shopkb.analysis.Analyzers;
import shopkb.analysis.PersonalData;
import shopkb.analysis.TextNormalizer;
import shopkb.analysis.Vocabulary;

/**
 * Turns a raw buyer message into a {@link BuyerQuery}: normalises it, rewrites internet spellings, takes
 * out phone and order numbers (never search terms), product codes and sizes, analyses the rest into words,
 * bigrams and pinyin pairs, expands synonyms, and weights particles, filler and sizes down so they do not
 * decide the intent of a short message.
 */
public final class BuyerQueryParser {

    /** Only this much of a long paste is analysed, which bounds the cost of any message. */
    public static final int MAX_ANALYZED_CHARS = 1000;
    private static final int MAX_TERMS = 64;
    static final float PARTICLE_WEIGHT = 0.1f;
    static final float PARTICLE_GRAM_WEIGHT = 0.3f;
    /** A bigram across a word boundary is weaker evidence than one inside a word. */
    static final float CROSSING_GRAM_WEIGHT = 0.6f;
    /** Sizes appear in stock, size and exchange questions alike: they must not decide the intent. */
    static final float SIZE_WEIGHT = 0.4f;
    static final float SYNONYM_WEIGHT = 0.7f;
    private static final String SIZE_CLASS = "_size_";

    private static final Set<String> PARTICLES = Set.of(
            "吗", "呢", "吧", "啊", "呀", "哦", "了", "的", "亲", "老板", "么", "嘛", "啦", "呗", "哈", "哇",
            "喔", "噢", "嗯", "额", "咯", "哟", "滴", "请问", "一下", "呐", "哒", "亲亲", "掌柜", "店家");

    private static final Pattern PRODUCT_CODE = Pattern.compile("(?<![\\d-])\\d{4}-\\d{3}(?![\\d-])");
    private static final Pattern SIZE = Pattern.compile(
            "(?<![\\da-z])(1[4-9]\\d|[2-4]?x{1,3}l|[sml])(?:码|号)?(?![\\da-z])");

    private final Analyzer words;
    private final Analyzer grams;
    private final Analyzer pinyin;
    private final Supplier<Vocabulary> vocabulary;
    private final RankingOptions options;
    private final java.util.concurrent.ConcurrentHashMap<String, Expansion> expansions = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String expansionsOf = "";

    public BuyerQueryParser(Analyzers analyzers, Supplier<Vocabulary> vocabulary, RankingOptions options) {
        this.words = analyzers.words();
        this.grams = analyzers.grams();
        this.pinyin = analyzers.pinyin();
        this.vocabulary = vocabulary;
        this.options = options;
    }

    /** Full options, no vocabulary. */
    public BuyerQueryParser() {
        this(Analyzers.plain(), Vocabulary::empty, RankingOptions.full());
    }

    public BuyerQuery parse(String raw) {
        Vocabulary vocab = vocabulary.get();
        String text = stripLoneSurrogates(raw);
        if (options.analysis().normalize()) {
            text = TextNormalizer.normalize(text);
        }
        if (text.length() > MAX_ANALYZED_CHARS) {
            text = text.substring(0, MAX_ANALYZED_CHARS);
        }
        text = respell(text, vocab);
        var ignored = new ArrayList<String>();
        text = blankOut(PersonalData.PHONE, text, ignored);
        text = blankOut(PersonalData.ORDER_NUMBER, text, ignored);
        String meaningText = meaningText(raw, vocab);
        var productCodes = new ArrayList<String>();
        text = blankOut(PRODUCT_CODE, text, productCodes);
        var sizes = new ArrayList<String>();
        Matcher size = SIZE.matcher(text);
        while (size.find()) {
            sizes.add(size.group(1));
        }

        var particleSpans = new ArrayList<int[]>();
        var wordSpans = new ArrayList<int[]>();
        var weightedWords = new ArrayList<QueryTerm>();
        for (QueryTerm term : analyze(words, text, 1f)) {
            float weight = 1f;
            if (options.particleWeighting() && PARTICLES.contains(term.text())) {
                weight = PARTICLE_WEIGHT;
                particleSpans.add(new int[] {term.start(), term.end()});
            } else if (options.particleWeighting() && (sizes.contains(term.text()) || term.text().equals(SIZE_CLASS))) {
                weight = SIZE_WEIGHT;
            } else {
                wordSpans.add(new int[] {term.start(), term.end()});
            }
            weightedWords.add(new QueryTerm(term.text(), term.start(), term.end(), weight));
        }
        var weightedGrams = new ArrayList<QueryTerm>();
        for (QueryTerm term : analyze(grams, text, 1f)) {
            float weight = 1f;
            if (options.particleWeighting() && overlapsAny(term, particleSpans)) {
                weight = PARTICLE_GRAM_WEIGHT;
            } else if (options.particleWeighting() && !insideAny(term, wordSpans)) {
                weight = CROSSING_GRAM_WEIGHT;
            }
            weightedGrams.add(new QueryTerm(term.text(), term.start(), term.end(), weight));
        }
        if (options.synonyms()) {
            expandSynonyms(text, vocab, weightedWords, weightedGrams);
        }
        List<QueryTerm> pinyinTerms = options.pinyin() ? analyze(pinyin, text, 1f) : List.of();
        return new BuyerQuery(raw, text, meaningText, dedupe(weightedWords), dedupe(weightedGrams), dedupe(pinyinTerms),
                List.copyOf(productCodes), List.copyOf(sizes), List.copyOf(ignored));
    }

    /**
     * For each vocabulary term in the message (longest first at each position), adds the other members of its
     * group as terms at a lower weight, placed on the span of the term they stand for.
     */
    private void expandSynonyms(String text, Vocabulary vocab, List<QueryTerm> words, List<QueryTerm> grams) {
        if (vocab.synonyms().isEmpty()) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            int matched = 0;
            for (int len = Math.min(Vocabulary.MAX_WORD_CHARS, text.length() - i); len >= 1; len--) {
                List<String> others = vocab.synonyms().get(text.substring(i, i + len));
                if (others != null) {
                    int group = i;
                    for (String other : others) {
                        Expansion expansion = expansion(vocab, other);
                        addAt(expansion.words(), i, i + len, group, words);
                        addAt(expansion.grams(), i, i + len, group, grams);
                    }
                    matched = len;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
    }

    /** A synonym's analysed terms, cached per vocabulary: analysing them on every message is the costly part. */
    private record Expansion(List<QueryTerm> words, List<QueryTerm> grams) {
    }

    private Expansion expansion(Vocabulary vocab, String term) {
        if (!vocab.fingerprint().equals(expansionsOf)) {
            expansions.clear();
            expansionsOf = vocab.fingerprint();
        }
        return expansions.computeIfAbsent(term, t -> new Expansion(
                analyze(this.words, t, SYNONYM_WEIGHT), analyze(this.grams, t, SYNONYM_WEIGHT)));
    }

    private static void addAt(List<QueryTerm> terms, int start, int end, int group, List<QueryTerm> into) {
        for (QueryTerm term : terms) {
            into.add(new QueryTerm(term.text(), start, end, term.weight(), group));
        }
    }

    private static boolean overlapsAny(QueryTerm term, List<int[]> spans) {
        return spans.stream().anyMatch(s -> term.start() < s[1] && s[0] < term.end());
    }

    private static boolean insideAny(QueryTerm term, List<int[]> spans) {
        return spans.stream().anyMatch(s -> s[0] <= term.start() && term.end() <= s[1]);
    }

    /** The internet spellings rewritten, unless switched off for a quality measurement. */
    private String respell(String text, Vocabulary vocab) {
        return options.spellings() ? vocab.respell(text) : text;
    }

    /**
     * The message as the sentence model should read it: internet spellings rewritten (the model has not learnt that
     * 木有 is 没有), phone and order numbers left out, but punctuation and width as the buyer wrote them (the model
     * was trained on such text).
     */
    private String meaningText(String raw, Vocabulary vocab) {
        String text = TextNormalizer.foldLettersAndHan(TextNormalizer.removePinyinResidue(stripLoneSurrogates(raw)));
        if (text.length() > MAX_ANALYZED_CHARS) {
            text = text.substring(0, MAX_ANALYZED_CHARS);
        }
        text = respell(text, vocab);
        var numbers = new ArrayList<String>();
        text = blankOut(PersonalData.PHONE, text, numbers);
        return blankOut(PersonalData.ORDER_NUMBER, text, numbers).strip();
    }

    /** Replaces each match with spaces (keeping offsets) and collects it. */
    private static String blankOut(Pattern pattern, String text, List<String> found) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        var builder = new StringBuilder(text);
        do {
            found.add(matcher.group().toLowerCase(Locale.ROOT));
            for (int i = matcher.start(); i < matcher.end(); i++) {
                builder.setCharAt(i, ' ');
            }
        } while (matcher.find());
        return builder.toString();
    }

    private static List<QueryTerm> analyze(Analyzer analyzer, String text, float weight) {
        var terms = new ArrayList<QueryTerm>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new QueryTerm(term.toString(), offset.startOffset(), offset.endOffset(), weight));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return terms;
    }

    /** One term per distinct text, keeping its highest weight and that term's position. */
    private static List<QueryTerm> dedupe(List<QueryTerm> terms) {
        Map<String, QueryTerm> byText = new LinkedHashMap<>();
        for (QueryTerm term : terms) {
            byText.merge(term.text(), term, (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        return byText.values().stream().limit(MAX_TERMS).toList();
    }

    /** Invalid UTF-16 (a lone surrogate, as left by broken clients) becomes a space. */
    private static String stripLoneSurrogates(String text) {
        var builder = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                builder.append(c).append(text.charAt(++i));
            } else {
                builder.append(Character.isSurrogate(c) ? ' ' : c);
            }
        }
        return builder.toString();
    }
}
