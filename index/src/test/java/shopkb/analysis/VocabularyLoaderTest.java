package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.content.ContentProblem;

class VocabularyLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void loadsSynonymGroupsSpellingsAndWords() {
        Vocabulary vocabulary = VocabularyLoader.load(Fixture.source());

        assertEquals(List.of("免运费", "免邮"), vocabulary.synonyms().get("包邮"));
        assertEquals("没有", vocabulary.spellings().get("木有"));
        assertTrue(vocabulary.words().containsAll(List.of("包邮", "顺丰到付", "免运费")));
        assertEquals(List.of(), vocabulary.problems());
    }

    @Test
    void traditionalLinesAreFoldedLikeTheText() {
        Path content = tmp.resolve("content");
        Fixture.write(content.resolve("vocabulary/synonyms.txt"), "包郵, 免運費\n");

        assertEquals(List.of("免运费"), VocabularyLoader.load(content).synonyms().get("包邮"));
    }

    @Test
    void aBadLineIsReportedWithItsLineNumberAndTheRestStillLoads() {
        Path content = tmp.resolve("content");
        Fixture.write(content.resolve("vocabulary/synonyms.txt"), "# comment\n包邮, 免邮\n孤单\n");
        Fixture.write(content.resolve("vocabulary/spellings.txt"), "木有 -> 没有\n肿么 => 怎么\n");
        Fixture.write(content.resolve("vocabulary/words.txt"), "七匹狼\n这是一个太长太长的词语\n");

        Vocabulary vocabulary = VocabularyLoader.load(content);

        assertEquals(List.of(
                new ContentProblem("vocabulary/synonyms.txt", "line 3", "a synonym group needs at least two terms"),
                new ContentProblem("vocabulary/spellings.txt", "line 1", "expected 'spelling => standard form', e.g. 木有 => 没有"),
                new ContentProblem("vocabulary/words.txt", "line 2", "a domain word is one term of 2 to 8 characters")),
                vocabulary.problems());
        assertEquals(List.of("免邮"), vocabulary.synonyms().get("包邮"));
        assertEquals("怎么", vocabulary.spellings().get("肿么"));
        assertTrue(vocabulary.words().contains("七匹狼"));
    }

    @Test
    void aMissingFolderIsAnEmptyVocabulary() {
        Vocabulary vocabulary = VocabularyLoader.load(tmp);

        assertTrue(vocabulary.synonyms().isEmpty());
        assertTrue(vocabulary.problems().isEmpty());
    }
}
