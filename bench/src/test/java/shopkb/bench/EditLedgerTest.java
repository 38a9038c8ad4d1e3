package shopkb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditLedgerTest {

    /** A server that serves {@code texts}, and does not know other entries. */
    private static EditLedger.Reader serving(Map<String, String> texts) {
        return id -> Optional.ofNullable(texts.get(id));
    }

    @Test
    void anEntryIsPresentOnlyWithTheTextOfItsLastAcknowledgedEdit() throws Exception {
        var ledger = new EditLedger();
        ledger.acknowledged("a", "first");
        ledger.acknowledged("a", "second");
        ledger.acknowledged("b", "only");
        ledger.acknowledged("c", "created");

        EditLedger.Check check = ledger.check(serving(Map.of("a", "first", "b", "only")));

        assertEquals(3, check.entries());
        assertEquals(1, check.present());
        assertEquals(4, ledger.acknowledgedEdits());
        assertTrue(check.missing().get(0).startsWith("a: holds「first」"), check.missing().toString());
        assertTrue(check.missing().get(1).startsWith("c: unknown to the server"), check.missing().toString());
    }

    @Test
    void aWriteWhoseAnswerWasLostMayHaveLandedAfterTheLastAcknowledgedOne() throws Exception {
        var ledger = new EditLedger();
        ledger.acknowledged("a", "acknowledged");
        ledger.unknown("a", "sent as the server died");

        EditLedger.Check landed = ledger.check(serving(Map.of("a", "sent as the server died")));
        EditLedger.Check notLanded = ledger.check(serving(Map.of("a", "acknowledged")));

        assertEquals(List.of(), landed.missing());
        assertEquals(1, landed.lostAnswerLanded());
        assertEquals(List.of(), notLanded.missing());
        assertEquals(0, notLanded.lostAnswerLanded());
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNoLossEitherWayAndCountsAsLandedWhenItIsThere() throws Exception {
        var ledger = new EditLedger();
        ledger.unknown("new", "created as the server died");

        EditLedger.Check absent = ledger.check(serving(Map.of()));
        EditLedger.Check there = ledger.check(serving(Map.of("new", "created as the server died")));

        assertEquals(0, absent.entries());
        assertEquals(List.of(), absent.missing());
        assertEquals(0, absent.lostAnswerLanded());
        assertEquals(1, there.lostAnswerLanded());
        assertEquals(1, ledger.lostAnswers());
        assertEquals(1, ledger.lostAnswersStanding());
    }

    @Test
    void anAcknowledgedEditSupersedesTheWritesOfUnknownOutcomeBeforeIt() throws Exception {
        var ledger = new EditLedger();
        ledger.acknowledged("a", "one");
        ledger.unknown("a", "lost");
        ledger.acknowledged("a", "three");

        assertEquals(1, ledger.check(serving(Map.of("a", "lost"))).missing().size());
        assertEquals(1, ledger.lostAnswers());
        assertEquals(0, ledger.lostAnswersStanding());
    }

    @Test
    void anEntryThatCannotBeReadIsNotCountedPresent() throws Exception {
        var ledger = new EditLedger();
        ledger.acknowledged("a", "text");

        EditLedger.Check check = ledger.check(id -> {
            throw new IOException("server-b answered 503");
        });

        assertEquals(0, check.present());
        assertEquals(List.of("a: not read (server-b answered 503)"), check.missing());
    }
}
