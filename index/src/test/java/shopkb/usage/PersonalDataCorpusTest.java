package shopkb.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shopkb.Fixture;
import shopkb.KnowledgeBase;
import shopkb.analysis.TextNormalizer;
import shopkb.search.SearchRequest;

/**
 * Buyer messages as they arrive, half with personal data and half without: every piece of personal data is
 * masked in every stored column, and a message without any comes back as it was.
 */
class PersonalDataCorpusTest {

    /** A message and the pieces of personal data it carries (lower case, as the normalised text has them). */
    private record Line(String message, List<String> personal) {
    }

    private static Line pii(String message, String... personal) {
        return new Line(message, List.of(personal));
    }

    private static final List<Line> WITH_PERSONAL_DATA = List.of(
            pii("地址北京市朝阳区建国路88号soho现代城5号楼1203室", "建国路", "88号", "soho现代城", "5号楼", "1203"),
            pii("寄到杭州西湖区文三路478号华星时代广场a座", "文三路", "478", "华星时代广场", "a座"),
            pii("我叫孙悟空,收件人写我老婆白骨精", "孙悟空", "白骨精"),
            pii("我是王小明,帮我查下物流", "王小明"),
            pii("收件人写张三丰,电话不变", "张三丰"),
            pii("麻烦改地址:上海市浦东新区张江路1000弄12号301室", "张江路", "1000弄", "12号", "301"),
            pii("发到广州市天河区天河北路233号中信广场45楼", "天河北路", "233", "中信广场", "45楼"),
            pii("地址是南京市鼓楼区中山北路8号3栋2单元502", "中山北路", "8号", "3栋", "2单元", "502"),
            pii("改成成都市武侯区科华北路65号世外桃源广场b座1808", "科华北路", "65号", "世外桃源广场", "b座", "1808"),
            pii("深圳市南山区科技园南区高新南一道9号中国科技开发院3栋", "高新南一道", "9号", "中国科技开发院", "3栋"),
            pii("送到武汉市洪山区珞喻路1037号华中科技大学东校区", "珞喻路", "1037", "华中科技大学"),
            pii("我的名字叫李雷,订单发错了", "李雷"),
            pii("收货人:韩梅梅 手机13912345678", "韩梅梅", "13912345678"),
            pii("本人刘德华,要开发票", "刘德华"),
            pii("帮我改收件人为赵敏,地址不变", "赵敏"),
            pii("联系人周杰伦,快递放门卫", "周杰伦"),
            pii("西安市雁塔区小寨东路126号百隆广场写字楼1206室", "小寨东路", "126号", "百隆广场", "1206"),
            pii("重庆市渝中区解放碑邹容路68号大都会东方广场28层", "邹容路", "68号", "大都会东方广场", "28层"),
            pii("我叫欧阳娜娜,东西收到了", "欧阳娜娜"),
            pii("天津市和平区南京路219号天津中心写字楼", "南京路", "219号", "天津中心"),
            pii("收件人姓名写陈小春", "陈小春"),
            pii("邮箱是buyer.li@163.com,发票发这里", "buyer.li@163.com"));

    private static final List<String> WITHOUT_PERSONAL_DATA = List.of(
            "你们发什么快递", "能发顺丰吗", "包邮吗", "新疆包邮吗", "发到上海要几天", "北京能到吗", "广东省内几天到",
            "这件185没了啊", "1712-102有175的吗", "能便宜点吗", "我是学生能便宜点吗", "我是老顾客了有优惠吗",
            "我叫你们客服半天了", "收件人可以写别人吗", "地址写错了怎么办", "可以改地址吗", "退货地址是哪里",
            "衣服洗了会缩水吗", "质量太差了我要退货", "满388送袜子吗", "下午3点前付款今天发吗", "怎么还没发货",
            "xl码适合多高", "今天天气不错");

    @Test
    void theCorpusIsLargeEnoughAndBalanced() {
        assertTrue(WITH_PERSONAL_DATA.size() + WITHOUT_PERSONAL_DATA.size() >= 40);
        assertTrue(WITHOUT_PERSONAL_DATA.size() >= WITH_PERSONAL_DATA.size());
    }

    @Test
    void everyPieceOfPersonalDataIsMasked() {
        var leaks = new ArrayList<String>();
        for (Line line : WITH_PERSONAL_DATA) {
            String masked = PersonalDataMasker.mask(line.message());
            line.personal().stream().filter(masked::contains).forEach(p -> leaks.add(p + " in " + masked));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void messagesWithoutPersonalDataComeBackUnchanged() {
        for (String message : WITHOUT_PERSONAL_DATA) {
            assertEquals(TextNormalizer.normalize(message), PersonalDataMasker.mask(message));
        }
    }

    @Test
    void noStoredColumnKeepsPersonalData(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("usage.db");
        try (KnowledgeBase kb = KnowledgeBase.inMemory(Fixture.copyTo(dir));
             UsageLog log = UsageLog.open(db, UsageLog.Settings.defaults(), kb::pattern, Clock.systemUTC())) {
            for (Line line : WITH_PERSONAL_DATA) {
                String id = log.recordSearch(line.message(), kb.search(SearchRequest.of(line.message(), 5)));
                log.recordFeedback(id, "faq.shipping.carriers", FeedbackAction.COPIED);
            }
            log.flush();
        }
        var stored = new StringBuilder();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rows = connection.createStatement().executeQuery(
                     // Every column that holds text from the message (the others are ids, numbers and times).
                     "SELECT s.query, s.pattern, f.pattern FROM searches s LEFT JOIN feedback f ON f.search_id = s.id")) {
            while (rows.next()) {
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    stored.append(rows.getString(c)).append('\n');
                }
            }
        }
        for (Line line : WITH_PERSONAL_DATA) {
            for (String personal : line.personal()) {
                assertFalse(stored.toString().contains(personal), personal + " is stored");
            }
        }
    }
}
