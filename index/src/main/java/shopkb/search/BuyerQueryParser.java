package shopkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import shopkb.analysis.Analyzers;
import shopkb.analysis.TextNormalizer;

/**
 * Turns a raw buyer message into a {@link BuyerQuery}: normalises it, takes out phone and order numbers
 * (never search terms), product codes and sizes, then analyses the rest into words and bigrams and
 * weights particles and filler down so they do not dominate short messages.
 */
public final class BuyerQueryParser {

    /** Only this much of a long paste is analysed, which bounds the cost of any message. */
    public static final int MAX_ANALYZED_CHARS = 1000;
    private static final int MAX_TERMS = 96;
    static final float PARTICLE_WEIGHT = 0.1f;
    static final float PARTICLE_GRAM_WEIGHT = 0.3f;

    private static final Set<String> PARTICLES = Set.of(
            "吗", "呢", "吧", "啊", "呀", "哦", "了", "的", "亲", "老板", "么", "嘛", "啦", "呗", "哈", "哇",
            "喔", "噢", "嗯", "额", "咯", "哟", "滴", "请问", "一下", "呐", "哒", "亲亲", "掌柜", "店家");

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    private static final Pattern ORDER_NUMBER = Pattern.compile("(?<!\\d)\\d{12,}(?!\\d)");
    private static final Pattern PRODUCT_CODE = Pattern.compile("(?<![\\d-])\\d{4}-\\d{3}(?![\\d-])");
    private static final Pattern SIZE = Pattern.compile(
            "(?<![\\da-z])(1[4-9]\\d|[2-4]?x{1,3}l|[sml])(?:码|号)?(?![\\da-z])");

    private final Analyzer words = Analyzers.words();
    private final Analyzer grams = Analyzers.grams();

    public BuyerQuery parse(String raw) {
        String text = TextNormalizer.normalize(stripLoneSurrogates(raw));
        if (text.length() > MAX_ANALYZED_CHARS) {
            text = text.substring(0, MAX_ANALYZED_CHARS);
        }
        var ignored = new ArrayList<String>();
        text = blankOut(PHONE, text, ignored);
        text = blankOut(ORDER_NUMBER, text, ignored);
        var productCodes = new ArrayList<String>();
        text = blankOut(PRODUCT_CODE, text, productCodes);
        var sizes = new ArrayList<String>();
        Matcher size = SIZE.matcher(text);
        while (size.find()) {
            sizes.add(size.group(1));
        }

        List<QueryTerm> wordTerms = analyze(words, text);
        var particleSpans = new ArrayList<int[]>();
        var weightedWords = new ArrayList<QueryTerm>();
        for (QueryTerm term : wordTerms) {
            boolean particle = PARTICLES.contains(term.text());
            if (particle) {
                particleSpans.add(new int[] {term.start(), term.end()});
            }
            weightedWords.add(new QueryTerm(term.text(), term.start(), term.end(), particle ? PARTICLE_WEIGHT : 1f));
        }
        var weightedGrams = new ArrayList<QueryTerm>();
        for (QueryTerm term : analyze(grams, text)) {
            boolean touchesParticle = particleSpans.stream().anyMatch(s -> term.start() < s[1] && s[0] < term.end());
            weightedGrams.add(new QueryTerm(term.text(), term.start(), term.end(), touchesParticle ? PARTICLE_GRAM_WEIGHT : 1f));
        }
        return new BuyerQuery(raw, text, dedupe(weightedWords), dedupe(weightedGrams),
                List.copyOf(productCodes), List.copyOf(sizes), List.copyOf(ignored));
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

    private static List<QueryTerm> analyze(Analyzer analyzer, String text) {
        var terms = new ArrayList<QueryTerm>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(new QueryTerm(term.toString(), offset.startOffset(), offset.endOffset(), 1f));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return terms;
    }

    /** One term per distinct text, keeping its highest weight and first position. */
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
