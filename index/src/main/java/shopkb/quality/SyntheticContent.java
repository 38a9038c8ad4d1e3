package shopkb.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import shopkb.analysis.VocabularyLoader;
import shopkb.check.RuleSet;
import shopkb.content.ContentFormat;
import shopkb.content.ContentLoader;
import shopkb.content.Entry;
import shopkb.content.EntryType;
import shopkb.content.FaqEntry;
import shopkb.content.LoadedContent;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.editing.EntryCodec;
import shopkb.editing.Folders;

/**
 * Synthetic content for the benchmark, the soak and scale tests: knowledge bases with the demo's structure and
 * vocabulary, each synthetic entry a demo entry varied with other products, colours, sizes and phrasings, in the demo's
 * mix of types.
 */
public final class SyntheticContent {

    private static final String[] PRODUCTS = {"夹克", "T恤", "衬衫", "休闲裤", "外套", "卫衣", "POLO衫", "短裤", "风衣", "毛衣", "西装", "牛仔裤"};
    private static final String[] COLOURS = {"黑色", "白色", "藏青色", "卡其色", "灰色", "军绿色", "酒红色", "浅蓝色"};
    private static final String[] OPENERS = {"", "亲,", "请问", "老板,", "你好,", "在吗,", "掌柜的,"};
    private static final String[] ENDINGS = {"", "呢", "吗", "啊", "呀", "哦"};

    private SyntheticContent() {
    }

    /** Writes {@code entries} synthetic entries (plus the demo's intents, products, vocabulary, rules) under {@code target}. */
    public static void write(Path demo, Path target, int entries, long seed) throws IOException {
        LoadedContent base = new ContentLoader(demo).load();
        for (String folder : List.of(ContentFormat.INTENTS_FOLDER, EntryType.PRODUCT.folder(), VocabularyLoader.FOLDER, RuleSet.FOLDER)) {
            Folders.copy(demo.resolve(folder), target.resolve(folder));
        }
        List<FaqEntry> faqs = base.entries().values().stream().filter(e -> e instanceof FaqEntry).map(e -> (FaqEntry) e).toList();
        List<PhrasingEntry> phrasings = base.entries().values().stream().filter(e -> e instanceof PhrasingEntry).map(e -> (PhrasingEntry) e).toList();
        List<PolicyEntry> policies = base.entries().values().stream().filter(e -> e instanceof PolicyEntry).map(e -> (PolicyEntry) e).toList();
        var random = new Random(seed);
        for (EntryType type : List.of(EntryType.FAQ, EntryType.PHRASING, EntryType.POLICY)) {
            Files.createDirectories(target.resolve(type.folder()));
        }
        for (int i = 0; i < entries; i++) {
            double kind = random.nextDouble();
            Entry entry;
            if (kind < 0.6) {
                entry = faq(faqs.get(random.nextInt(faqs.size())), i, random);
            } else if (kind < 0.9) {
                entry = phrasing(phrasings.get(random.nextInt(phrasings.size())), i, random);
            } else {
                entry = policy(policies.get(random.nextInt(policies.size())), i, random);
            }
            Files.write(target.resolve(LoadedContent.relativePath(entry)), EntryCodec.toYaml(entry));
        }
    }

    /** Buyer-message variants of the demo's questions: openers, particles, other products and colours. */
    public static List<String> queries(Path demo, int count, long seed) {
        LoadedContent base = new ContentLoader(demo).load();
        List<String> questions = base.entries().values().stream().filter(e -> e instanceof FaqEntry)
                .flatMap(e -> ((FaqEntry) e).allQuestions().stream()).toList();
        var random = new Random(seed);
        var queries = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            queries.add(pick(OPENERS, random) + vary(questions.get(random.nextInt(questions.size())), random) + pick(ENDINGS, random));
        }
        return queries;
    }

    /**
     * Similar questions per synthetic FAQ, picked at random from its demo FAQ's: the demo now carries 12-42 per FAQ,
     * and copying all would change what the benchmark measures from one content edit to the next. Seven is about what
     * the demo carried when the benchmark's earlier figures were taken.
     */
    static final int SIMILAR_PER_FAQ = 7;

    private static FaqEntry faq(FaqEntry base, int i, Random random) {
        var similar = new ArrayList<>(base.similar());
        Collections.shuffle(similar, random);
        similar = new ArrayList<>(similar.subList(0, Math.min(SIMILAR_PER_FAQ, similar.size())).stream()
                .map(s -> vary(s, random)).toList());
        return new FaqEntry(base.id() + ".s" + i, base.intent(), base.scenario(), vary(base.question(), random), similar,
                vary(base.answer(), random), base.note(), base.tags(), List.of(), List.of());
    }

    private static PhrasingEntry phrasing(PhrasingEntry base, int i, Random random) {
        return new PhrasingEntry(base.id() + ".s" + i, base.intent(), base.scenario(), vary(base.title(), random),
                vary(base.text(), random), base.whenToUse(), base.replaces(), null, base.tags());
    }

    private static PolicyEntry policy(PolicyEntry base, int i, Random random) {
        List<PolicySection> sections = base.sections().stream()
                .map(s -> new PolicySection(s.heading(), vary(s.text(), random), s.intent())).toList();
        return new PolicyEntry(base.id() + ".s" + i, vary(base.title(), random), base.scenario(), sections, base.tags());
    }

    /** The text with a product or colour woven in, so entries differ as real ones do. */
    private static String vary(String text, Random random) {
        String varied = text;
        for (String product : PRODUCTS) {
            if (varied.contains(product)) {
                varied = varied.replace(product, pick(PRODUCTS, random));
                break;
            }
        }
        return random.nextInt(3) == 0 ? pick(COLOURS, random) + pick(PRODUCTS, random) + varied : varied;
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

}
