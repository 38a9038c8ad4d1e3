package shopkb.usage;

import java.util.regex.Pattern;
import shopkb.analysis.PersonalData;
import shopkb.analysis.TextNormalizer;

/**
 * Masks buyers' personal data in a message before it is logged: phone and order numbers, identity numbers,
 * e-mail, whole street addresses, and names given after 收件人, 我叫 and the like. The text is normalised first (full-width
 * digits, traditional characters), so the same number is caught however it was typed.
 */
public final class PersonalDataMasker {

    /** A mask this class writes: a short label in brackets. */
    private static final Pattern MASK = Pattern.compile("\\[[^\\[\\]]{1,4}\\]");

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        String masked = TextNormalizer.normalize(text);
        masked = replace(PersonalData.EMAIL, masked, "[邮箱]");
        masked = replace(PersonalData.ID_CARD, masked, "[证件号]");
        masked = replace(PersonalData.ORDER_NUMBER, masked, "[订单号]");
        masked = replace(PersonalData.PHONE, masked, "[手机号]");
        masked = replace(PersonalData.LANDLINE, masked, "[电话]");
        masked = PersonalData.LABELLED_NAME.matcher(masked).replaceAll(m -> m.group(1) + "[姓名]");
        masked = PersonalData.SELF_NAME.matcher(masked).replaceAll(m -> m.group(1) + "[姓名]");
        masked = replace(PersonalData.STREET_ADDRESS, masked, "[地址]");
        return masked;
    }

    /** The text with every mask ([手机号], [地址], ...) blanked, for what should see only the buyer's own words. */
    public static String withoutMasks(String masked) {
        return MASK.matcher(masked).replaceAll(" ");
    }

    private static String replace(Pattern pattern, String text, String mark) {
        return pattern.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(mark));
    }
}
