package shopkb.content;

import java.util.List;

/**
 * A recommended phrasing (话术 / 快捷短语) an agent copies into the chat.
 *
 * @param text the phrasing, with named placeholders such as {客服昵称} and {店铺名}
 * @param whenToUse when the phrasing fits
 * @param replaces bad phrasings (错误示范) this one replaces
 * @param shortcut an optional short code such as "/wl", as in 千牛 快捷短语
 */
public record PhrasingEntry(
        String id,
        String intent,
        String scenario,
        String title,
        String text,
        String whenToUse,
        List<String> replaces,
        String shortcut,
        List<String> tags) implements Entry {

    public PhrasingEntry {
        text = Entry.stripped(text);
        replaces = Entry.listOrEmpty(replaces);
        tags = Entry.listOrEmpty(tags);
    }

    @Override
    public EntryType type() {
        return EntryType.PHRASING;
    }

    @Override
    public String displayTitle() {
        return title;
    }

    @Override
    public List<String> productCodes() {
        return List.of();
    }
}
