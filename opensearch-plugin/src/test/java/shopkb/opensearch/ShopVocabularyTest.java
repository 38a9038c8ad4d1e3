package shopkb.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.common.settings.Settings;
import shopkb.analysis.Vocabulary;
import shopkb.analysis.VocabularyLoader;

class ShopVocabularyTest {

    @Test
    void theDemoVocabularyGivenAsSettingsIsTheVocabularyOfItsFiles() throws Exception {
        Path demo = Path.of("..", "faq-content");

        var settings = Settings.builder();
        ShopIndexSettings.vocabulary(demo).forEach(settings::putList);

        Vocabulary fromSettings = ShopVocabulary.of(settings.build());

        Vocabulary fromFiles = VocabularyLoader.load(demo);
        assertEquals(fromFiles.words(), fromSettings.words());
        assertEquals(fromFiles.synonyms(), fromSettings.synonyms());
        assertEquals(List.copyOf(fromFiles.spellings().entrySet()), List.copyOf(fromSettings.spellings().entrySet()));
    }

    @Test
    void anIndexWithoutVocabularySettingsHasAnEmptyVocabulary() {
        Vocabulary vocabulary = ShopVocabulary.of(Settings.EMPTY);

        assertTrue(vocabulary.words().isEmpty() && vocabulary.synonyms().isEmpty() && vocabulary.spellings().isEmpty());
    }

    @Test
    void aBadLineIsRefusedNamingItsSettingAndLine() {
        Settings settings = Settings.builder()
                .putList("index.shopkb.words", "七匹狼", "这是一个太长太长的词语")
                .putList("index.shopkb.spellings", "木有 -> 没有")
                .build();

        var refused = assertThrows(IllegalArgumentException.class, () -> ShopVocabulary.of(settings));

        assertEquals("invalid shop vocabulary: index.shopkb.spellings [line 1]: expected 'spelling => standard form', "
                + "e.g. 木有 => 没有; index.shopkb.words [line 2]: a domain word is one term of 2 to 8 characters",
                refused.getMessage());
    }
}
