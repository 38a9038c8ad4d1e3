package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.personal.PersonalPhrasing;

/** An agent's own phrasings are found by the message's words and by their short code, beside the team's. */
class OwnPhrasingSearchTest {

    private static final List<PersonalPhrasing> MINE = List.of(
            new PersonalPhrasing("own.1", "包邮说明", "亲,满99元包邮哦,不满的话运费8元", "/by8", "t", "t"),
            new PersonalPhrasing("own.2", "下班留言", "亲,客服已下班,明早9点回复您", "/xb", "t", "t"));

    @Test
    void theWordsOfTheMessageFindTheAgentsPhrasingAndOthersStayOut() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.source())) {
            List<OwnPhrasingResult> found = kb.searchService().matchOwn("包邮吗", MINE, 3);

            assertEquals(List.of("own.1"), found.stream().map(OwnPhrasingResult::id).toList());
            assertTrue(found.getFirst().own());
            assertTrue(found.getFirst().snippet().contains("<mark>包邮</mark>"), found.getFirst().snippet());
            assertEquals(List.of(), kb.searchService().matchOwn("这件衣服什么面料", MINE, 3));
        }
    }

    @Test
    void aShortCodeBringsUpThatPhrasingAlone() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.source())) {
            assertEquals(List.of("own.2"), kb.searchService().matchOwn(" /XB ", MINE, 3).stream().map(OwnPhrasingResult::id).toList());
            assertEquals(List.of(), kb.searchService().matchOwn("/nope", MINE, 3));
        }
    }
}
