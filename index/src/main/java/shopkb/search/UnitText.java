package shopkb.search;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.content.ProductEntry;
import shopkb.indexing.Fields;
import shopkb.indexing.MeaningUnits;

/** The text a hit on one unit of an entry stands for: what its snippet shows and what it is compared with. */
final class UnitText {

    private UnitText() {
    }

    /** The text shown for the unit: the matching question, section, phrasing or product facts. */
    static String shown(Entry entry, Fields.Unit unit, int index) {
        return switch (entry) {
            case FaqEntry faq -> {
                String question = unit == Fields.Unit.QUESTION ? faq.questionAt(index) : null;
                yield question != null ? question : faq.answer();
            }
            case PhrasingEntry phrasing -> phrasing.title() + " · " + phrasing.text();
            case PolicyEntry policy -> {
                PolicySection section = section(policy, index);
                yield section.heading() + " · " + section.text();
            }
            case ProductEntry product -> Stream.concat(Stream.of(product.name()), product.attributes().entrySet().stream()
                    .map(a -> a.getKey() + ":" + a.getValue())).collect(Collectors.joining(";"));
        };
    }

    /** The text whose meaning vector stands for the unit (see {@link MeaningUnits}), or null when it has none. */
    static String meaning(Entry entry, Fields.Unit unit, int index) {
        for (MeaningUnits.Unit u : MeaningUnits.of(entry)) {
            if (u.role() == MeaningUnits.Role.SEARCH && u.unit() == unit && (u.index() == index || unit == Fields.Unit.BODY)) {
                return u.text();
            }
        }
        return null;
    }

    /** The intent a hit on the unit answers: a policy section's own, else the entry's. */
    static String intent(Entry entry, int index) {
        if (entry instanceof PolicyEntry policy && !policy.sections().isEmpty()) {
            PolicySection section = section(policy, index);
            if (section.intent() != null) {
                return section.intent();
            }
        }
        return entry.intent();
    }

    static PolicySection section(PolicyEntry policy, int index) {
        return policy.sections().get(Math.min(index, policy.sections().size() - 1));
    }
}
