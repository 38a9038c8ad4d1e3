package shopkb.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.SharedHomeInMemory;
import shopkb.editing.EntryNotFoundException;
import shopkb.editing.VersionConflictException;

/**
 * Two servers keep one shop's own phrasings at a home they share, each with its own mirror of it: what one saves the
 * other serves once it has pulled, a change over a version the other server replaced is a conflict, and two changes that
 * do not touch the same phrasing both stay, however they race.
 */
class PersonalPhrasingsOnASharedHomeTest {

    @TempDir
    Path tmp;
    private SharedHomeInMemory.Mirror mirrorA;
    private SharedHomeInMemory.Mirror mirrorB;
    private PersonalPhrasings a;
    private PersonalPhrasings b;
    private SharedHomeInMemory home;

    @BeforeEach
    void twoServers() {
        home = new SharedHomeInMemory();
        mirrorA = home.mirror(tmp.resolve("a"));
        mirrorB = home.mirror(tmp.resolve("b"));
        a = PersonalPhrasings.open(tmp.resolve("a/personal"), mirrorA);
        b = PersonalPhrasings.open(tmp.resolve("b/personal"), mirrorB);
    }

    /** What a shop does every second: the files the pull brought, told to their owner. */
    private static void pull(SharedHomeInMemory.Mirror mirror, PersonalPhrasings store) {
        store.takeInPulled(mirror.pull());
    }

    /** A server opening the shop with an empty mirror, which it fills first (as the cluster's home does). */
    private PersonalPhrasings aThirdServer() {
        var mirror = home.mirror(tmp.resolve("c"));
        mirror.pull();
        return PersonalPhrasings.open(tmp.resolve("c/personal"), mirror);
    }

    private static List<String> texts(PersonalPhrasings store, String agent) {
        return store.of(agent).stream().map(PersonalPhrasing::text).toList();
    }

    @Test
    void aPhrasingSavedOnOneServerIsServedByTheOtherOnceItPulled() {
        assertEquals(List.of(), b.of("xiaomei"), "B has read her (empty) list before");
        var saved = a.create("xiaomei", "催付", "亲,记得付款哦", "/cf");

        assertEquals(List.of(), b.of("xiaomei"), "not pulled yet");
        pull(mirrorB, b);
        assertEquals(List.of("亲,记得付款哦"), texts(b, "xiaomei"));
        assertEquals(saved.etag(), b.read("xiaomei", saved.phrasing().id()).orElseThrow().etag());
        assertEquals(1, b.history("xiaomei", saved.phrasing().id()).size(), "the history is at the home too");
        assertEquals(List.of(), b.of("dawei"));
    }

    @Test
    void theSameVersionChangedOnBothServersIsSavedOnceAndRefusedOnce() {
        var saved = a.create("xiaomei", "尺码", "亲,175选L码", null);
        pull(mirrorB, b);

        a.update("xiaomei", saved.phrasing().id(), "尺码", "亲,175建议L码", null, saved.etag());
        var conflict = assertThrows(VersionConflictException.class,
                () -> b.update("xiaomei", saved.phrasing().id(), "尺码", "亲,175选M码", null, saved.etag()));

        assertEquals(a.read("xiaomei", saved.phrasing().id()).orElseThrow().etag(), conflict.currentEtag());
        assertEquals(List.of("亲,175建议L码"), texts(b, "xiaomei"), "B serves A's version after refusing");
        assertThrows(VersionConflictException.class,
                () -> b.delete("xiaomei", saved.phrasing().id(), saved.etag()), "nor is the replaced version deleted");
    }

    @Test
    void theOtherServersChangeLandingJustBeforeAWriteIsAConflictToo() {
        var saved = a.create("xiaomei", "尺码", "亲,175选L码", null);
        pull(mirrorB, b);
        mirrorB.beforeNextWrite(() -> a.update("xiaomei", saved.phrasing().id(), "尺码", "亲,175建议L码", null, saved.etag()));

        assertThrows(VersionConflictException.class,
                () -> b.update("xiaomei", saved.phrasing().id(), "尺码", "亲,175选M码", null, saved.etag()));
        assertEquals(List.of("亲,175建议L码"), texts(aThirdServer(), "xiaomei"), "the home holds A's change alone");
    }

    @Test
    void twoPhrasingsOfOneAgentChangedOnTwoServersAtOnceAreBothKept() {
        var first = a.create("xiaomei", "一", "亲,第一条", null);
        var second = a.create("xiaomei", "二", "亲,第二条", null);
        pull(mirrorB, b);
        mirrorB.beforeNextWrite(() -> a.update("xiaomei", first.phrasing().id(), "一", "亲,第一条改了", null, first.etag()));

        b.update("xiaomei", second.phrasing().id(), "二", "亲,第二条改了", null, second.etag());
        a.create("xiaomei", "三", "亲,第三条", null);

        var fresh = aThirdServer();
        assertEquals(List.of("亲,第一条改了", "亲,第二条改了", "亲,第三条"), texts(fresh, "xiaomei"),
                "B's write was refused, decided again on A's list, and kept both; A's next save kept B's");
        pull(mirrorA, a);
        pull(mirrorB, b);
        assertEquals(texts(fresh, "xiaomei"), texts(a, "xiaomei"));
        assertEquals(texts(fresh, "xiaomei"), texts(b, "xiaomei"));
    }

    @Test
    void suggestionsFromBothServersReachTheEditorsOfEach() {
        var mine = a.create("xiaomei", "极兔", "亲,我们也发极兔", null);
        pull(mirrorB, b);
        Suggestion fromA = a.suggest("xiaomei", mine.phrasing().id(), "A 上提的");
        Suggestion fromB = b.suggest("xiaomei", mine.phrasing().id(), "B 上提的");

        assertEquals(List.of(fromA.id(), fromB.id()), b.open().stream().map(Suggestion::id).toList(),
                "B took in A's while appending its own");
        pull(mirrorA, a);
        assertEquals(List.of(fromA.id(), fromB.id()), a.open().stream().map(Suggestion::id).toList());

        b.dismiss(fromA.id(), "alice");
        pull(mirrorA, a);
        assertEquals(List.of(fromB.id()), a.open().stream().map(Suggestion::id).toList());
    }

    @Test
    void aSuggestionDecidedOnOneServerIsNotDecidedAgainOnTheOther() {
        var mine = a.create("xiaomei", "极兔", "亲,我们也发极兔", null);
        Suggestion suggested = a.suggest("xiaomei", mine.phrasing().id(), null);
        pull(mirrorB, b);
        a.dismiss(suggested.id(), "alice");

        assertThrows(EntryNotFoundException.class, () -> b.accept(suggested.id(), "bob", s -> {
            throw new AssertionError("no team phrasing is made of a suggestion dismissed on A");
        }));
    }
}
