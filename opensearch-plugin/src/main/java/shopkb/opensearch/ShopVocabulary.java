package shopkb.opensearch;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import shopkb.analysis.Vocabulary;
import shopkb.analysis.VocabularyLoader;

/**
 * A shop's vocabulary as its index's settings: the lines of its vocabulary files, one list per file, in the files'
 * formats. Analysis settings of an index are fixed while it is open; a changed vocabulary is applied by closing
 * the index, updating these settings and opening it again (or by a new index).
 */
final class ShopVocabulary {

    /** Lines of {@code synonyms.txt}: {@code "包邮, 免运费, 免邮"}. Synonyms of 2-8 characters are kept whole too. */
    static final Setting<List<String>> SYNONYMS = lines("index.shopkb.synonyms");
    /** Lines of {@code spellings.txt}: {@code "木有 => 没有"}. */
    static final Setting<List<String>> SPELLINGS = lines("index.shopkb.spellings");
    /** Lines of {@code words.txt}: domain words kept whole by segmentation, {@code "七匹狼"}. */
    static final Setting<List<String>> WORDS = lines("index.shopkb.words");

    static final List<Setting<?>> SETTINGS = List.of(SYNONYMS, SPELLINGS, WORDS);

    private ShopVocabulary() {
    }

    /**
     * The vocabulary in {@code indexSettings}; a bad line is refused, naming its setting and line, so that an index
     * is never created with half its vocabulary (the embedded server reports and skips such a line instead).
     */
    static Vocabulary of(Settings indexSettings) {
        Vocabulary vocabulary = VocabularyLoader.fromLines(lines(SYNONYMS, indexSettings), lines(SPELLINGS, indexSettings),
                lines(WORDS, indexSettings));
        if (!vocabulary.problems().isEmpty()) {
            throw new IllegalArgumentException("invalid shop vocabulary: " + vocabulary.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
        return vocabulary;
    }

    private static VocabularyLoader.Lines lines(Setting<List<String>> setting, Settings indexSettings) {
        return new VocabularyLoader.Lines(setting.getKey(), setting.get(indexSettings));
    }

    private static Setting<List<String>> lines(String key) {
        return Setting.listSetting(key, List.of(), Function.identity(), Setting.Property.IndexScope);
    }
}
