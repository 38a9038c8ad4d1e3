package shopkb.shops;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import shopkb.KnowledgeBase;
import shopkb.SharedResources;
import shopkb.ShopFolders;
import shopkb.usage.UsageLog;

/**
 * One open shop: its knowledge base (content, index, vocabulary, rules, editor) and its usage log (searches, feedback,
 * insight). Nothing of one shop is reachable from another's.
 */
public final class Shop implements Closeable {

    private final ShopName name;
    private final KnowledgeBase kb;
    private final UsageLog usage;

    private Shop(ShopName name, KnowledgeBase kb, UsageLog usage) {
        this.name = name;
        this.kb = kb;
        this.usage = usage;
    }

    /** Opens a shop's knowledge base (reusing its persisted index) and usage log. */
    public static Shop open(ShopName name, ShopFolders folders, SharedResources shared, UsageLog.Settings usage) {
        KnowledgeBase kb = KnowledgeBase.open(folders, shared);
        try {
            return new Shop(name, kb, UsageLog.open(folders.usageLog(), usage, kb::pattern, Clock.systemUTC()));
        } catch (RuntimeException e) {
            try {
                kb.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public ShopName name() {
        return name;
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public UsageLog usage() {
        return usage;
    }

    @Override
    public void close() throws IOException {
        try {
            usage.close();
        } finally {
            kb.close();
        }
    }
}
