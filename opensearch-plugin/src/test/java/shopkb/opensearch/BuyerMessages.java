package shopkb.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Buyer messages to analyse: the project's labelled sets, and messages made to exercise each step of the chain. */
final class BuyerMessages {

    /** Each names what it exercises; the labelled sets add everyday messages. */
    static final List<String> CRAFTED = List.of(
            "發什麼快遞幾天到", "這件有貨嗎", "能便宜點嗎,老闆",                     // traditional characters
            "服務(wù)態度不好", "培訓(xùn)資料", "尺碼(chi ma)",               // pinyin residue; toneless pinyin is not residue
            "这件185没了啊", "175的还有吗", "XL码偏大吗", "ＸＬ有货吗", "l码和m码差多少", "2xl还有吗", // sizes, widths
            "七匹狼夹克是正品吗", "顺丰到付可以吗", "有尺码表吗", "发E邮宝还是EMS", "吊牌剪了能退吗",   // domain words
            "免运费吗", "不要运费的吧", "快件没到货", "是不是售罄了", "有没有优惠券", "小了能换吗",       // synonyms
            "木有收到货", "肿么还不发货", "没木有大码", "表酱紫嘛",                                // internet spellings
            "包游吗", "退宽怎么弄",                                                           // homophone typos
            "1712-102 有185吗", "订单号 123456789012345 还没发", "手机13812345678",              // codes and numbers
            "👍 好的 亲", "", "   ", "???", "a", "包");                                       // odd and short text

    private BuyerMessages() {
    }

    /** The crafted messages, then the first column of the project's quality sets. */
    static List<String> all() throws IOException {
        var messages = new ArrayList<>(CRAFTED);
        for (String set : List.of("buyer-messages.tsv", "unseen-messages.tsv", "off-topic.tsv")) {
            List<String> lines = Files.readAllLines(Path.of("..", "quality", set), StandardCharsets.UTF_8);
            lines.subList(1, lines.size()).forEach(line -> messages.add(line.split("\t")[0]));
        }
        messages.add("亲".repeat(10) + "这件衣服的面料是纯棉的吗,洗了会不会缩水褪色,".repeat(12)); // a long paste
        return messages;
    }
}
