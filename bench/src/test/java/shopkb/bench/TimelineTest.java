package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shopkb.bench.Timeline.EditOutcome;
import shopkb.bench.Timeline.Window;

class TimelineTest {

    private static final long ORIGIN = 1_000_000_000L;

    private static long at(double seconds) {
        return ORIGIN + (long) (seconds * 1e9);
    }

    @Test
    void failuresLessThanASecondApartAreOneWindowFromTheFirstStartToTheLastEnd() {
        List<Window> windows = Timeline.merge(List.of(new Window(1.2, 1.4), new Window(0.0, 0.5), new Window(3.0, 3.1),
                new Window(1.3, 1.35)));

        assertEquals(List.of(new Window(0.0, 1.4), new Window(3.0, 3.1)), windows);
    }

    @Test
    void eachPhaseCountsWhatStartedInItAndTheWindowsThatStartedInIt() {
        var timeline = new Timeline(ORIGIN);
        timeline.beginPhase("steady", at(0));
        timeline.search(at(1), at(1.010), true, false);
        timeline.search(at(2), at(2.030), true, false);
        timeline.edit(at(2), EditOutcome.ACKNOWLEDGED, "");
        timeline.edit(at(3), EditOutcome.REFUSED, "412");
        timeline.beginPhase("node killed", at(10));
        // A window that starts in the second phase and runs on into the third: it belongs to the second, whole.
        timeline.search(at(18), at(19.5), false, true);
        timeline.search(at(20.2), at(21.0), false, true);
        timeline.search(at(12), at(12.004), true, true);
        timeline.edit(at(11), EditOutcome.UNKNOWN, "IOException");
        timeline.edit(at(12), EditOutcome.FAILED, "read 404");
        timeline.beginPhase("server killed", at(20));
        timeline.search(at(25), at(25.002), true, false);
        timeline.end(at(30));

        List<Timeline.PhaseFigures> figures = timeline.figures();

        assertEquals(3, figures.size());
        Timeline.PhaseFigures steady = figures.get(0);
        assertEquals(2, steady.answered());
        assertEquals(0, steady.errors());
        assertEquals(0, steady.failedOver());
        assertEquals(0.0, steady.longestErrorWindow());
        assertEquals(10.0, steady.p50(), 0.001);
        assertEquals(30.0, steady.max(), 0.001);
        assertEquals(1, steady.acknowledged());
        assertEquals(1, steady.refused());
        Timeline.PhaseFigures nodeKilled = figures.get(1);
        assertEquals(1, nodeKilled.answered());
        assertEquals(1, nodeKilled.errors());
        assertEquals(1, nodeKilled.failedOver());
        assertEquals(3.0, nodeKilled.longestErrorWindow(), 0.001);
        assertEquals(1, nodeKilled.unknown());
        assertEquals(1, nodeKilled.failed());
        Timeline.PhaseFigures serverKilled = figures.get(2);
        assertEquals(1, serverKilled.answered());
        assertEquals(1, serverKilled.errors());
        assertEquals(0.0, serverKilled.longestErrorWindow());
        assertEquals(10.0, serverKilled.to() - serverKilled.from(), 0.001);
        assertEquals(Map.of("read 404", 1L), timeline.reasons(EditOutcome.FAILED));
    }
}
