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

    /**
     * The message with its personal data masked. The patterns that need an ASCII digit (every number, and a street
     * address's house number) or an {@code @} are not tried on a text without one: most messages have none, and trying
     * them at every position was most of the usage log's CPU under search load.
     */
    public static String mask(String text) {
        return maskNormalized(TextNormalizer.normalize(text));
    }

    /** {@link #mask} of a text already normalised ({@link TextNormalizer#normalize}), for a caller that needs both. */
    public static String maskNormalized(String normalized) {
        String masked = normalized;
        boolean digits = hasDigit(masked);
        if (masked.indexOf('@') >= 0) {
            masked = replace(PersonalData.EMAIL, masked, "[邮箱]");
        }
        if (digits) {
            masked = replace(PersonalData.ID_CARD, masked, "[证件号]");
            masked = replace(PersonalData.ORDER_NUMBER, masked, "[订单号]");
            masked = replace(PersonalData.PHONE, masked, "[手机号]");
            masked = replace(PersonalData.LANDLINE, masked, "[电话]");
        }
        masked = PersonalData.LABELLED_NAME.matcher(masked).replaceAll(m -> m.group(1) + "[姓名]");
        masked = PersonalData.SELF_NAME.matcher(masked).replaceAll(m -> m.group(1) + "[姓名]");
        if (digits) {
            masked = replace(PersonalData.STREET_ADDRESS, masked, "[地址]");
        }
        return masked;
    }

    /** Whether the text has a digit as the patterns' {@code \d} means it (ASCII; full-width ones are normalised). */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The text with every mask ([手机号], [地址], ...) blanked, for what should see only the buyer's own words. */
    public static String withoutMasks(String masked) {
        return MASK.matcher(masked).replaceAll(" ");
    }

    private static String replace(Pattern pattern, String text, String mark) {
        return pattern.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(mark));
    }
}
