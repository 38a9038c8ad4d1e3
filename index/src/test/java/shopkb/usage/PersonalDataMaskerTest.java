package shopkb.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

    @Test
    void masksMobileNumbersHoweverTheyAreTyped() {
        assertEquals("电话[手机号]改一下", PersonalDataMasker.mask("电话13812345678改一下"));
        assertEquals("打[手机号]", PersonalDataMasker.mask("打+86 138-1234-5678"));
        assertEquals("打[手机号]", PersonalDataMasker.mask("打１３８１２３４５６７８"), "full-width digits");
    }

    @Test
    void masksOrderNumbersAndKeepsProductCodesAndSizes() {
        assertEquals("订单[订单号]还没发货", PersonalDataMasker.mask("订单3712938475629384还没发货"));
        assertEquals("1712-102有175的吗", PersonalDataMasker.mask("1712-102有175的吗"));
    }

    @Test
    void masksStreetAddressesButKeepsRegionsThatMatterForShipping() {
        String masked = PersonalDataMasker.mask("地址改成浙江省杭州市西湖区文三路123号5栋601室谢谢");
        assertFalse(masked.contains("文三路"), masked);
        assertFalse(masked.contains("123"), masked);
        assertTrue(masked.contains("[地址]"), masked);
        assertEquals("新疆包邮吗", PersonalDataMasker.mask("新疆包邮吗"));
        assertEquals("发到上海几天", PersonalDataMasker.mask("发到上海几天"));
    }

    @Test
    void masksNamesAfterTheirLabel() {
        assertEquals("收件人[姓名],帮我改下", PersonalDataMasker.mask("收件人张小明,帮我改下"));
        assertEquals("收货人是[姓名]", PersonalDataMasker.mask("收货人是李四"));
    }

    @Test
    void masksEmailAndIdentityNumbersAndLandlines() {
        String masked = PersonalDataMasker.mask("邮箱abc.de@qq.com 身份证11010519491231002X 座机010-12345678");
        assertEquals("邮箱[邮箱] 身份证[证件号] 座机[电话]", masked);
    }
}
