package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;

class LearnedLiftTest {

    @TempDir
    Path dir;

    @Test
    void liftGrowsWithVotesUpToItsCap() {
        assertEquals(0, LearnedLift.lift(0));
        assertEquals(0, LearnedLift.lift(-5), "not-helpful marks never push below the text score");
        assertTrue(LearnedLift.lift(1) > 0 && LearnedLift.lift(1) < LearnedLift.lift(3));
        assertEquals(LearnedLift.MAX_LIFT, LearnedLift.lift(1_000_000));
    }

    @Test
    void copiedAnswersRiseAmongNearEqualsButNeverPastClearlyBetterOnes() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir))) {
            String message = "发什么快递";
            List<SearchResult> plain = kb.search(SearchRequest.of(message, 10)).results();
            assertTrue(plain.size() >= 3, plain.toString());
            SearchResult top = plain.getFirst();
            String pattern = kb.pattern(message);
            for (SearchResult other : plain.subList(1, plain.size())) {
                UsageVotes votes = p -> p.equals(pattern) ? Map.of(other.id(), 1000) : Map.of();
                String learnedTop = kb.search(SearchRequest.of(message, 10), votes).results().getFirst().id();
                boolean withinReach = other.score() * (1 + LearnedLift.MAX_LIFT) > top.score();
                assertEquals(withinReach ? other.id() : top.id(), learnedTop,
                        other.id() + " at " + other.score() + " against " + top.score());
            }
            UsageVotes otherPattern = p -> p.equals("别的 问题") ? Map.of(plain.get(1).id(), 1000) : Map.of();
            assertEquals(top.id(), kb.search(SearchRequest.of(message, 10), otherPattern).results().getFirst().id());
        }
    }
}
