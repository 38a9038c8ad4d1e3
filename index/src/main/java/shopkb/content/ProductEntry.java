package shopkb.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product (商品) and the facts an agent needs about it.
 *
 * @param code the shop's product code, e.g. 1712-102
 * @param attributes ordered facts such as 面料, 颜色, 尺码
 */
public record ProductEntry(
        String id,
        String code,
        String name,
        String scenario,
        String price,
        Map<String, String> attributes,
        String sizeAdvice,
        String care,
        List<String> tags) implements Entry {

    public ProductEntry {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = Entry.listOrEmpty(tags);
    }

    @Override
    public EntryType type() {
        return EntryType.PRODUCT;
    }

    /** Products belong to no single buyer intent; FAQ entries about them name their codes instead. */
    @Override
    public String intent() {
        return null;
    }

    @Override
    public String displayTitle() {
        return name + " (" + code + ")";
    }

    @Override
    public List<String> productCodes() {
        return code == null ? List.of() : List.of(code);
    }
}
