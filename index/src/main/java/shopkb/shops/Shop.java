package shopkb.shops;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import shopkb.KnowledgeBase;
import shopkb.SharedResources;
import shopkb.ShopFolders;
import shopkb.personal.PersonalPhrasings;
import shopkb.usage.UsageHome;
import shopkb.usage.UsageLog;

/**
 * One open shop: its knowledge base (content, index, vocabulary, rules, editor), its usage log (searches, feedback,
 * insight) and its agents' own phrasings. Nothing of one shop is reachable from another's.
 */
public final class Shop implements Closeable {

    private final ShopName name;
    private final KnowledgeBase kb;
    private final UsageLog usage;
    private final PersonalPhrasings personal;

    private Shop(ShopName name, KnowledgeBase kb, UsageLog usage, PersonalPhrasings personal) {
        this.name = name;
        this.kb = kb;
        this.usage = usage;
        this.personal = personal;
    }

    /** Opens a shop's knowledge base (reusing its persisted index) and usage log. */
    public static Shop open(ShopName name, ShopFolders folders, SharedResources shared, UsageLog.Settings usage) {
        KnowledgeBase kb = KnowledgeBase.open(name.value(), folders, shared);
        try {
            PersonalPhrasings personal = PersonalPhrasings.open(kb.home().folders().personal(), kb.home().files());
            kb.onFilesPulled(personal::takeInPulled);
            return new Shop(name, kb, UsageLog.open(folders.usageLog(), usage, kb::pattern, Clock.systemUTC(),
                    shared.housekeeping().usageWriter(),
                    usage.enabled() ? shared.home().usageHome(name.value()) : UsageHome.NONE), personal);
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

    public PersonalPhrasings personal() {
        return personal;
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
