package shopkb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void theSameLinesGivenAsListsMakeTheSameVocabulary() throws IOException {
        Path demo = Path.of("..", "faq-content");
        Vocabulary fromFiles = VocabularyLoader.load(demo);

        Vocabulary fromLists = VocabularyLoader.fromLines(lines(demo, "synonyms.txt"), lines(demo, "spellings.txt"),
                lines(demo, "words.txt"));

        assertEquals(fromFiles.synonyms(), fromLists.synonyms());
        assertEquals(List.copyOf(fromFiles.spellings().entrySet()), List.copyOf(fromLists.spellings().entrySet()));
        assertEquals(fromFiles.words(), fromLists.words());
        assertEquals(List.of(), fromLists.problems());
    }

    @Test
    void badLinesGivenAsListsAreReportedWithTheirSource() {
        Vocabulary vocabulary = VocabularyLoader.fromLines(new VocabularyLoader.Lines("index.shopkb.synonyms", List.of("包邮, 免邮", "孤单")),
                new VocabularyLoader.Lines("index.shopkb.spellings", List.of("木有 -> 没有")),
                new VocabularyLoader.Lines("index.shopkb.words", List.of("七匹狼")));

        assertEquals(List.of(
                new ContentProblem("index.shopkb.synonyms", "line 2", "a synonym group needs at least two terms"),
                new ContentProblem("index.shopkb.spellings", "line 1", "expected 'spelling => standard form', e.g. 木有 => 没有")),
                vocabulary.problems());
        assertTrue(vocabulary.words().containsAll(List.of("包邮", "免邮", "七匹狼")));
    }

    @Test
    void listsWithDifferentLinesHaveDifferentFingerprints() {
        var none = new VocabularyLoader.Lines("s", List.of());
        var word = new VocabularyLoader.Lines("w", List.of("七匹狼"));

        assertEquals(VocabularyLoader.fromLines(none, none, word).fingerprint(), VocabularyLoader.fromLines(none, none, word).fingerprint());
        assertNotEquals(VocabularyLoader.fromLines(none, none, word).fingerprint(), VocabularyLoader.fromLines(word, none, none).fingerprint());
    }

    @Test
    void spellingsApplyLongestFirstSoALongerVariantWins() {
        Path content = tmp.resolve("content");
        Fixture.write(content.resolve("vocabulary/spellings.txt"), "木有 => 没有\n没木有 => 有没有\n酱紫 => 这样子\n表酱紫 => 不要这样子\n"
                + "啥 => 什么\n咋 => 怎么\n神马 => 什么\n肿么 => 怎么\n稀饭 => 喜欢\n介个 => 这个\n么么哒 => 谢谢\n");

        Vocabulary vocabulary = VocabularyLoader.load(content);

        var lengths = new ArrayList<Integer>();
        vocabulary.spellings().keySet().forEach(key -> lengths.add(key.length()));
        assertEquals(lengths.stream().sorted((a, b) -> b - a).toList(), lengths);
        assertEquals("有没有大码,不要这样子嘛", vocabulary.respell("没木有大码,表酱紫嘛"));
    }

    private static VocabularyLoader.Lines lines(Path content, String file) throws IOException {
        return new VocabularyLoader.Lines(file, Files.readAllLines(content.resolve("vocabulary").resolve(file)));
    }

    @Test
    void theShopsOwnLayerAddsToThePlatformsAndItsSpellingWins() {
        Path platform = tmp.resolve("platform");
        Path content = tmp.resolve("content");
        Fixture.write(platform.resolve("vocabulary/synonyms.txt"), "包邮, 免运费\n");
        Fixture.write(platform.resolve("vocabulary/spellings.txt"), "木有 => 没有\n酱紫 => 这样\n");
        Fixture.write(platform.resolve("vocabulary/words.txt"), "申通\n孤\n");
        Fixture.write(content.resolve("vocabulary/synonyms.txt"), "包邮, 免邮\n");
        Fixture.write(content.resolve("vocabulary/spellings.txt"), "酱紫 => 这样子\n");

        Vocabulary vocabulary = VocabularyLoader.load(platform, content);

        assertEquals(List.of("免运费", "免邮"), vocabulary.synonyms().get("包邮"));
        assertEquals("没有", vocabulary.spellings().get("木有"));
        assertEquals("这样子", vocabulary.spellings().get("酱紫"), "the shop's standard form wins");
        assertTrue(vocabulary.words().contains("申通"));
        assertEquals(List.of(new ContentProblem("platform/vocabulary/words.txt", "line 2",
                "a domain word is one term of 2 to 8 characters")), vocabulary.problems());
        assertTrue(!vocabulary.fingerprint().equals(VocabularyLoader.load(content).fingerprint()),
                "the platform layer is part of what the index is built from");
    }
}
