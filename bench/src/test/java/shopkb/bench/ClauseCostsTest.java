package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The clause table of {@code ./kb bench --components true}. */
class ClauseCostsTest {

    @Test
    void groupsMessagesByTensOfClausesWithTheLastRowOpenEnded() {
        int[] clauses = {3, 15, 17, 75, 60};
        double[] micros = {10, 20, 40, 100, 30};

        List<ClauseCosts.Row> rows = ClauseCosts.rows(clauses, micros);

        assertEquals(List.of(
                new ClauseCosts.Row(0, 1, 10, 10 / 200.0),
                new ClauseCosts.Row(10, 2, 30, 60 / 200.0),
                new ClauseCosts.Row(60, 2, 65, 130 / 200.0)), rows);
    }
}
