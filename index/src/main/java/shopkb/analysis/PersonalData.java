package shopkb.analysis;

import java.util.regex.Pattern;

/**
 * Patterns of buyers' personal data in chat text, on normalised text (half-width digits). Search leaves
 * these numbers out of the query; the usage log masks them and more before anything is stored.
 */
public final class PersonalData {

    /** Mainland mobile numbers, with or without +86 and separators. */
    public static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    /** Order and waybill numbers: twelve digits or more (Taobao orders have 16 to 19). */
    public static final Pattern ORDER_NUMBER = Pattern.compile("(?<!\\d)\\d{12,}(?!\\d)");
    /** Landlines such as 010-12345678 or 0571 8888 8888. */
    public static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}[- ]?\\d{7,8}(?!\\d)");
    /** Resident identity card numbers. */
    public static final Pattern ID_CARD = Pattern.compile("(?<![\\dx])\\d{17}[\\dx](?![\\dx])");
    /** E-mail addresses. */
    public static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** What may follow a name: punctuation, a space, a mask written before, or the end. */
    private static final String AFTER_NAME = "(?=[,，.。!！?？;；:：、\\s\\[]|$)";
    /**
     * A name given after a label: 收件人/收货人/联系人/姓名/名字 (optionally 姓名, then 是/叫/为/写/改成, then 我老婆 and
     * the like) then 2 to 4 Han characters that end the phrase; group 1 is everything before the name.
     */
    public static final Pattern LABELLED_NAME = Pattern.compile(
            "((?:收件人|收货人|联系人|签收人|寄件人|姓名|名字)(?:姓名)?(?:是|叫|为|写|写成|改为|改成)?[::\\s]*"
                    + "(?:我|我的)?(?:老婆|老公|妈妈|爸爸|朋友|同事|家人)?)\\p{IsHan}{2,4}" + AFTER_NAME);
    /** A buyer naming themself: 我叫/我是/本人 then 2 to 4 Han characters that end the phrase (我是学生能… is no name). */
    public static final Pattern SELF_NAME = Pattern.compile("((?:我叫|我是|本人|我的名字(?:是|叫))[::\\s]*)\\p{IsHan}{2,4}" + AFTER_NAME);
    /**
     * A street address: an optional province/city/district prefix, a road, street, village or estate with a house
     * number, then whatever address parts follow (a building or estate name, block, unit, floor, room). Province
     * or city names alone (新疆, 上海) are kept: they matter for shipping questions and say nothing about a person.
     */
    public static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?:\\p{IsHan}{1,8}?(?:省|自治区|市|区|县|镇|乡))*\\p{IsHan}{0,12}?(?:路|街|道|巷|弄|村|小区|花园|公寓|大厦|里)"
                    + "[\\p{IsHan}\\w-]{0,12}?\\d+[\\d-]*(?:号楼|号院|号|弄|栋|幢|座|单元|室|楼|层)"
                    + "(?:[\\p{IsHan}a-z0-9-]{0,12}?(?:号楼|号院|号|弄|栋|幢|座|单元|室|楼|层|期|广场|大厦|中心|公寓|小区|花园|苑|城"
                    + "|院|校区|大学|写字楼))*\\d*");

    private PersonalData() {
    }
}
