package shopkb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import shopkb.analysis.TextNormalizer;

/**
 * Finds the buyer's terms in a text and marks them. Works on the folded text, whose offsets are those
 * of the original, so traditional-character or full-width buyer terms mark the simplified content.
 */
final class Highlighter {

    /** Marked snippet and the terms that were found. */
    record Highlight(String html, List<String> matchedTerms) {
    }

    private Highlighter() {
    }

    /**
     * @param maxChars longer texts are cut to a window around the first match
     */
    static Highlight highlight(String text, List<QueryTerm> terms, int maxChars) {
        String folded = TextNormalizer.fold(text);
        var spans = new ArrayList<int[]>();
        var matched = new ArrayList<String>();
        for (QueryTerm term : terms) {
            if (term.text().isEmpty()) {
                continue;
            }
            int at = folded.indexOf(term.text());
            if (at < 0) {
                continue;
            }
            if (!matched.contains(term.text())) {
                matched.add(term.text());
            }
            if (term.text().length() < 2 && terms.stream().anyMatch(t -> t.text().length() >= 2)) {
                continue; // lone characters (我, 要) would speckle the snippet; words and bigrams carry the match
            }
            while (at >= 0) {
                spans.add(new int[] {at, at + term.text().length()});
                at = folded.indexOf(term.text(), at + 1);
            }
        }
        List<int[]> merged = merge(spans);
        int from = 0;
        int to = text.length();
        if (text.length() > maxChars) {
            int first = merged.isEmpty() ? 0 : merged.getFirst()[0];
            from = Math.max(0, Math.min(first - maxChars / 4, text.length() - maxChars));
            to = Math.min(text.length(), from + maxChars);
        }
        var html = new StringBuilder();
        if (from > 0) {
            html.append('…');
        }
        int pos = from;
        for (int[] span : merged) {
            if (span[1] <= from || span[0] >= to) {
                continue;
            }
            int start = Math.max(span[0], from);
            int end = Math.min(span[1], to);
            escape(text, pos, start, html);
            html.append("<mark>");
            escape(text, start, end, html);
            html.append("</mark>");
            pos = end;
        }
        escape(text, pos, to, html);
        if (to < text.length()) {
            html.append('…');
        }
        return new Highlight(html.toString(), List.copyOf(matched));
    }

    private static List<int[]> merge(List<int[]> spans) {
        spans.sort(Comparator.comparingInt(s -> s[0]));
        var merged = new ArrayList<int[]>();
        for (int[] span : spans) {
            if (!merged.isEmpty() && span[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], span[1]);
            } else {
                merged.add(span.clone());
            }
        }
        return merged;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
