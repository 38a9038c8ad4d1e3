package shopkb.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of knowledge-base entry; each lives in its own folder of the content directory. */
public enum EntryType {
    FAQ("faq"),
    PHRASING("phrasing"),
    POLICY("policy"),
    PRODUCT("product");

    private final String folder;

    EntryType(String folder) {
        this.folder = folder;
    }

    /** Folder name under the content directory, also the lower-case name used in the API. */
    public String folder() {
        return folder;
    }

    public static Optional<EntryType> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.folder.equalsIgnoreCase(name)).findFirst();
    }
}
