package shopkb.content;

import java.util.List;

/** A shop policy (政策) made of titled sections. The entry's intent is that of its first section with one. */
public record PolicyEntry(
        String id,
        String title,
        String scenario,
        List<PolicySection> sections,
        List<String> tags) implements Entry {

    public PolicyEntry {
        sections = sections == null ? List.of() : List.copyOf(sections);
        tags = Entry.listOrEmpty(tags);
    }

    @Override
    public EntryType type() {
        return EntryType.POLICY;
    }

    @Override
    public String intent() {
        return sections.stream().map(PolicySection::intent).filter(i -> i != null && !i.isBlank())
                .findFirst().orElse(null);
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
