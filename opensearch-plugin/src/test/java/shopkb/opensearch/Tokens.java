package shopkb.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Tokens as {@code term@start-end#position}, from an embedded analyzer or from an {@code _analyze} answer. */
final class Tokens {

    private Tokens() {
    }

    static List<String> of(Analyzer analyzer, String text) throws IOException {
        var tokens = new ArrayList<String>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "#" + position);
            }
            stream.end();
        }
        return tokens;
    }

    static List<String> of(JsonNode analyzeAnswer) {
        var tokens = new ArrayList<String>();
        for (JsonNode token : analyzeAnswer.path("tokens")) {
            tokens.add(token.path("token").asText() + "@" + token.path("start_offset").asInt() + "-"
                    + token.path("end_offset").asInt() + "#" + token.path("position").asInt());
        }
        return tokens;
    }

    /** Without offsets, for chains whose offsets are meant to differ. */
    static List<String> termsAndPositions(List<String> tokens) {
        return tokens.stream().map(token -> token.replaceFirst("@\\d+-\\d+#", "#")).toList();
    }
}
