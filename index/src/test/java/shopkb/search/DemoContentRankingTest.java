package shopkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shopkb.KnowledgeBase;

/** The bundled demo shop, with its real vocabulary: variants of a message reach the same intent. */
class DemoContentRankingTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.inMemory(Path.of("..", "faq-content"));
    }

    @AfterAll
    static void close() throws Exception {
        kb.close();
    }

    private static SearchResponse search(String text) {
        return kb.search(SearchRequest.of(text, 5));
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            這款還有貨嗎            | 这款还有货吗
            運費怎麼算              | 运费怎么算
            可以退換貨嗎            | 可以退换货吗
            能發順豐嗎              | 能发顺丰吗
            積分怎麼用              | 积分怎么用
            包游吗                  | 包邮吗
            我要退宽                | 我要退款
            能发顺风吗              | 能发顺丰吗
            几点节单                | 几点截单
            肿么还没发货            | 怎么还没发货
            """)
    void traditionalTypoAndInternetVariantsReachTheSameIntent(String variant, String plain) {
        assertEquals(search(plain).results().getFirst().intent(), search(variant).results().getFirst().intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"哈哈", "今天天气不错", "你吃饭了吗", "北京有什么好吃的", "帮我订个外卖", "手机没电了", "讲个笑话"})
    void offTopicMessagesGetNoConfidentAnswer(String message) {
        assertFalse(search(message).confident());
    }
}
