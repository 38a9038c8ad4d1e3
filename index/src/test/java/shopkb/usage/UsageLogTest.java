package shopkb.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;

class UsageLogTest {

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;
    final TestClock clock = new TestClock();

    private UsageLog open(KnowledgeBase kb, UsageLog.Settings settings) {
        return UsageLog.open(dir.resolve("data").resolve("usage.db"), settings, kb::pattern, clock);
    }

    private static String search(KnowledgeBase kb, UsageLog log, String text) {
        SearchResponse response = kb.search(SearchRequest.of(text, 10), log.votes());
        return log.recordSearch(text, response);
    }

    @Test
    void storesTheMaskedMessageAndSurvivesARestart() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir))) {
            try (UsageLog log = open(kb, UsageLog.Settings.defaults())) {
                search(kb, log, "13812345678 发什么快递");
                log.flush();
                assertEquals(1, log.stats().logged());
            }
            try (UsageLog log = open(kb, UsageLog.Settings.defaults())) {
                Insight insight = log.insight(30, kb.content());
                assertEquals(1, insight.searches());
                String example = insight.topQueries().getFirst().example();
                assertFalse(example.contains("13812345678"), example);
                assertTrue(example.contains("[手机号]"), example);
            }
        }
    }

    @Test
    void storesTheSearchsOwnPatternAndParsesOnlyAMessageMaskingChanged() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = UsageLog.open(dir.resolve("data").resolve("usage.db"), UsageLog.Settings.defaults(),
                     text -> "parsed again: " + kb.pattern(text), clock)) {
            String plain = "包邮吗";
            String withPhone = "13812345678 发什么快递";
            String traditional = "發什麼快遞，幾天到？";
            SearchResponse plainResponse = kb.search(SearchRequest.of(plain, 10), log.votes());
            log.recordSearch(plain, plainResponse);
            SearchResponse traditionalResponse = kb.search(SearchRequest.of(traditional, 10), log.votes());
            log.recordSearch(traditional, traditionalResponse);
            log.recordSearch(withPhone, kb.search(SearchRequest.of(withPhone, 10), log.votes()));
            log.flush();

            List<String> patterns = log.insight(30, kb.content()).topQueries().stream().map(Insight.TopQuery::pattern).toList();
            assertTrue(patterns.contains(plainResponse.pattern()), patterns.toString());
            // Masking normalises the text (simplified characters, half-width punctuation): that is no masking.
            assertTrue(patterns.contains(traditionalResponse.pattern()), patterns.toString());
            // The stored message is masked, so its pattern is the masked message's, as before.
            assertTrue(patterns.contains("parsed again: " + kb.pattern(PersonalDataMasker.withoutMasks(PersonalDataMasker.mask(withPhone)))),
                    patterns.toString());
        }
    }

    @Test
    void dropsWhatIsOlderThanTheRetentionPeriod() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir))) {
            try (UsageLog log = open(kb, new UsageLog.Settings(true, true, 7))) {
                search(kb, log, "发什么快递");
                log.flush();
                clock.now = clock.now.plus(Duration.ofDays(5));
                search(kb, log, "包邮吗");
                log.flush();
                clock.now = clock.now.plus(Duration.ofDays(3)); // the first search is now 8 days old
                assertEquals(1, log.purgeExpired());
                Insight insight = log.insight(7, kb.content());
                assertEquals(1, insight.searches());
                assertEquals(kb.pattern("包邮吗"), insight.topQueries().getFirst().pattern());
            }
        }
    }

    @Test
    void groupsUnansweredMessagesThatAskTheSameThing() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = open(kb, UsageLog.Settings.defaults())) {
            for (String text : List.of("可以开发票吗", "能开发票吗", "开发票吗亲", "可以开发票吗", "你们支持花呗分期吗", "支持花呗分期付款吗")) {
                search(kb, log, text);
            }
            log.flush();
            List<Insight.GapGroup> gaps = log.insight(30, kb.content()).gaps();
            assertEquals(2, gaps.size(), gaps.toString());
            assertEquals(4, gaps.getFirst().count());
            assertTrue(gaps.getFirst().example().contains("发票"), gaps.toString());
            assertEquals(2, gaps.get(1).count());
            assertTrue(gaps.get(1).example().contains("花呗"), gaps.toString());
        }
    }

    @Test
    void groupsUnansweredMessagesThatAskTheSameInOtherWordsByMeaning() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = open(kb, UsageLog.Settings.defaults())) {
            for (String text : List.of("能开发票吗", "能开发票吗", "可以开票吗", "你们支持花呗分期吗")) {
                search(kb, log, text);
            }
            log.flush();
            assertEquals(3, log.insight(30, kb.content()).gaps().size(), "by words, the invoice questions stay apart");
            var encoder = shopkb.semantic.SharedModel.get().encoder();
            List<Insight.GapGroup> gaps = log.insight(30, kb.content(), encoder::encode).gaps();
            assertEquals(2, gaps.size(), gaps.toString());
            assertEquals(3, gaps.getFirst().count());
            assertTrue(gaps.getFirst().variants().contains("可以开票吗"), gaps.toString());
        }
    }

    @Test
    void copiesTeachRankingAndCountInTheInsight() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir))) {
            try (UsageLog log = open(kb, UsageLog.Settings.defaults())) {
                String id = search(kb, log, "发什么快递");
                log.recordFeedback(id, "phr.shipping.carriers", FeedbackAction.COPIED);
                log.flush();
                assertEquals(1, log.votes().votesFor(kb.pattern("发什么快递")).get("phr.shipping.carriers"));
                Insight insight = log.insight(30, kb.content());
                var carriers = insight.phrasingCopyRates().stream().filter(p -> p.id().equals("phr.shipping.carriers")).findFirst().orElseThrow();
                assertEquals(1, carriers.copied());
                assertTrue(insight.neverCopied().stream().noneMatch(u -> u.id().equals("phr.shipping.carriers")));
                assertTrue(insight.neverCopied().stream().anyMatch(u -> u.id().equals("phr.aftersale.sorry")));
            }
            try (UsageLog log = open(kb, UsageLog.Settings.defaults())) {
                assertEquals(1, log.votes().votesFor(kb.pattern("亲 发什么快递呢")).get("phr.shipping.carriers"),
                        "votes are loaded again at start, and the pattern ignores particles");
            }
            try (UsageLog log = open(kb, new UsageLog.Settings(true, false, 90))) {
                assertTrue(log.votes().votesFor(kb.pattern("发什么快递")).isEmpty(), "learning switched off");
            }
        }
    }

    @Test
    void aLogWrittenBeforeResultsLivedInTheSearchRowStillCountsWhatItShowed() throws Exception {
        Path file = dir.resolve("data").resolve("usage.db");
        java.nio.file.Files.createDirectories(file.getParent());
        long at = clock.instant().minus(Duration.ofDays(1)).toEpochMilli();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = db.createStatement()) {
            st.execute("CREATE TABLE searches (id TEXT PRIMARY KEY, at INTEGER NOT NULL, query TEXT NOT NULL, pattern TEXT NOT NULL,"
                    + " top_id TEXT, top_intent TEXT, confidence REAL NOT NULL, confident INTEGER NOT NULL, latency_ms REAL NOT NULL)");
            st.execute("CREATE TABLE search_results (search_id TEXT NOT NULL, rank INTEGER NOT NULL, entry_id TEXT NOT NULL,"
                    + " at INTEGER NOT NULL, PRIMARY KEY (search_id, rank))");
            st.execute("INSERT INTO searches VALUES ('old', " + at + ", '发什么快递', '发 快递', 'phr.shipping.carriers', null, 0.5, 0, 1.0)");
            st.execute("INSERT INTO search_results VALUES ('old', 0, 'phr.shipping.carriers', " + at + ")");
        }
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = open(kb, UsageLog.Settings.defaults())) {
            SearchResponse response = kb.search(SearchRequest.of("发什么快递", 10), log.votes());
            assertTrue(response.results().stream().anyMatch(r -> r.id().equals("phr.shipping.carriers")));
            log.recordSearch("发什么快递", response);
            log.flush();
            var carriers = log.insight(30, kb.content()).phrasingCopyRates().stream()
                    .filter(p -> p.id().equals("phr.shipping.carriers")).findFirst().orElseThrow();
            assertEquals(2, carriers.shown(), "shown once in the old log's results table, once in a new search's row");
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = open(kb, UsageLog.Settings.defaults())) {
            SearchResponse response = kb.search(SearchRequest.of("发什么快递", 10));
            long start = System.nanoTime();
            for (int i = 0; i < UsageLog.QUEUE_CAPACITY * 3; i++) {
                log.recordSearch("发什么快递", response);
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            log.flush();
            var stats = log.stats();
            assertEquals(UsageLog.QUEUE_CAPACITY * 3L, stats.logged() + stats.dropped() + stats.failed());
            assertTrue(stats.dropped() > 0, stats.toString());
        }
    }
}
