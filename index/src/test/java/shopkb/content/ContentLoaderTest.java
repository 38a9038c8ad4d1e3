package shopkb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;

class ContentLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void loadsEveryValidEntryOfTheFixture() {
        LoadedContent content = new ContentLoader(Fixture.source()).load();

        assertEquals(List.of(), content.problems());
        assertEquals(5, content.intents().size());
        assertEquals(9, content.entries().size());
        var faq = (FaqEntry) content.entries().get("faq.shipping.carriers");
        assertEquals("shipping.carriers", faq.intent());
        assertEquals(List.of("你们发什么快递", "默认哪家快递", "能发圆通吗", "用的哪个快递公司"), faq.allQuestions());
        var policy = (PolicyEntry) content.entries().get("policy.shipping");
        assertEquals(2, policy.sections().size());
        assertEquals("shipping.carriers", policy.intent());
    }

    @Test
    void aBadFileIsReportedWithFileFieldAndProblemWhileTheRestStillLoads() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("faq/faq.broken.yaml"), """
                id: faq.broken
                intent: shipping.carriers
                scenario: 物流
                question: 发货吗
                answr: typo in the field name
                """);

        LoadedContent loaded = new ContentLoader(content).load();

        assertEquals(9, loaded.entries().size());
        assertEquals(1, loaded.invalidFiles());
        ContentProblem problem = loaded.problems().getFirst();
        assertEquals("faq/faq.broken.yaml", problem.file());
        assertEquals("answr", problem.field());
        assertTrue(problem.problem().contains("Unrecognized field"), problem.problem());
    }

    @Test
    void emptyRequiredFieldsAreErrors() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("faq/faq.empty.yaml"), """
                id: faq.empty
                intent: shipping.carriers
                scenario: 物流
                question: "  "
                """);

        var problems = new ContentLoader(content).load().problems();

        assertTrue(problems.contains(new ContentProblem("faq/faq.empty.yaml", "question", "required and must not be empty")), problems.toString());
        assertTrue(problems.contains(new ContentProblem("faq/faq.empty.yaml", "answer", "required and must not be empty")), problems.toString());
    }

    @Test
    void referencesToUndeclaredIntentsOrProductsAreErrors() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("faq/faq.orphan.yaml"), """
                id: faq.orphan
                intent: no.such-intent
                scenario: 物流
                question: 发货吗
                answer: 发的
                products: [9999-999]
                """);

        var problems = new ContentLoader(content).load().problems();

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("intent", problems.get(0).field());
        assertTrue(problems.get(0).problem().contains("unknown intent 'no.such-intent'"));
        assertEquals("products[0]", problems.get(1).field());
    }

    @Test
    void duplicateIdsAreErrorsAndTheFirstDefinitionIsKept() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("phrasing/faq.shipping.carriers.yaml"), """
                id: faq.shipping.carriers
                scenario: 物流
                title: 重复
                text: 重复的id
                """);

        LoadedContent loaded = new ContentLoader(content).load();

        assertEquals("faq", loaded.entries().get("faq.shipping.carriers").typeName());
        assertTrue(loaded.problems().stream().anyMatch(p -> p.problem().contains("duplicate id")), loaded.problems().toString());
    }

    @Test
    void idMustMatchTheFileName() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("phrasing/phr.other-name.yaml"), """
                id: phr.real-id
                scenario: 物流
                title: 名字不对
                text: 内容
                """);

        var problems = new ContentLoader(content).load().problems();

        assertEquals("id", problems.getFirst().field());
        assertTrue(problems.getFirst().problem().contains("rename the file to phr.real-id.yaml"));
    }

    @Test
    void invalidUtf8AndBrokenYamlAreReportedNotFatal() throws Exception {
        Path content = Fixture.copyTo(tmp);
        Files.write(content.resolve("faq/faq.latin1.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xE9, (byte) 0xFF});
        Fixture.write(content.resolve("faq/faq.yaml-error.yaml"), "id: [unclosed\n");

        LoadedContent loaded = new ContentLoader(content).load();

        assertEquals(9, loaded.entries().size());
        assertEquals(2, loaded.invalidFiles());
        assertTrue(loaded.problems().contains(new ContentProblem("faq/faq.latin1.yaml", null, "not valid UTF-8 text")));
    }

    @Test
    void badPlaceholdersAndShortcutsInPhrasingsAreErrors() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("phrasing/phr.bad.yaml"), """
                id: phr.bad
                scenario: 欢迎
                title: 坏的占位符
                text: 亲,我是{客服 昵称}哦}
                shortcut: wl
                """);

        var fields = new ContentLoader(content).load().problems().stream().map(ContentProblem::field).toList();

        assertEquals(List.of("text", "text", "shortcut"), fields);
    }

    @Test
    void fingerprintChangesWhenAnyFileChanges() {
        Path content = Fixture.copyTo(tmp);
        String before = new ContentLoader(content).load().fingerprint().hex();
        assertEquals(before, new ContentLoader(content).load().fingerprint().hex());

        Fixture.write(content.resolve("faq/faq.shipping.carriers.yaml"), """
                id: faq.shipping.carriers
                intent: shipping.carriers
                scenario: 物流
                question: 你们发什么快递
                answer: 改过的答案
                """);

        assertNotEquals(before, new ContentLoader(content).load().fingerprint().hex());
    }

    @Test
    void editorBackupFilesAreIgnored() {
        Path content = Fixture.copyTo(tmp);
        Fixture.write(content.resolve("faq/.faq.shipping.carriers.yaml.swp"), "binary junk");
        Fixture.write(content.resolve("faq/faq.shipping.carriers.yaml~"), "old copy");

        LoadedContent loaded = new ContentLoader(content).load();

        assertFalse(loaded.problems().stream().anyMatch(p -> p.file().contains("swp") || p.file().endsWith("~")));
    }
}
