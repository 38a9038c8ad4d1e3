package shopkb.indexing;

import java.util.ArrayList;
import java.util.List;
import shopkb.content.Entry;
import shopkb.content.FaqEntry;
import shopkb.content.PhrasingEntry;
import shopkb.content.PolicyEntry;
import shopkb.content.PolicySection;
import shopkb.content.ProductEntry;

/**
 * The texts of an entry that get a meaning vector, each with the unit it stands for. Questions are what buyers'
 * messages are compared with; answers are left out (a long answer's vector is about the whole answer, and buyers
 * ask, they do not answer). Bad phrasings a phrasing replaces get vectors too, for the reply check, but are never
 * search results.
 */
public final class MeaningUnits {

    /** What a text's vector is used for. */
    public enum Role { SEARCH, BAD_PHRASING }

    /**
     * One text of one entry.
     *
     * @param unit the lexical unit kind the text belongs to, so a hit shows the same snippet either way
     * @param index the question's or section's position within the entry
     */
    public record Unit(String entryId, String text, Fields.Unit unit, int index, Role role) {
    }

    private MeaningUnits() {
    }

    public static List<Unit> of(Entry entry) {
        var units = new ArrayList<Unit>();
        switch (entry) {
            case FaqEntry faq -> {
                List<String> questions = faq.allQuestions();
                for (int i = 0; i < questions.size(); i++) {
                    units.add(search(entry, questions.get(i), Fields.Unit.QUESTION, i));
                }
            }
            case PhrasingEntry phrasing -> {
                units.add(search(entry, phrasing.title(), Fields.Unit.BODY, 0));
                if (phrasing.whenToUse() != null && !phrasing.whenToUse().isBlank()) {
                    units.add(search(entry, phrasing.whenToUse(), Fields.Unit.BODY, 0));
                }
                for (String bad : phrasing.replaces()) {
                    units.add(new Unit(entry.id(), bad, Fields.Unit.BODY, 0, Role.BAD_PHRASING));
                }
            }
            case PolicyEntry policy -> {
                for (int i = 0; i < policy.sections().size(); i++) {
                    PolicySection section = policy.sections().get(i);
                    units.add(search(entry, section.heading() + ":" + section.text(), Fields.Unit.SECTION, i));
                }
            }
            case ProductEntry product -> units.add(search(entry, product.name(), Fields.Unit.BODY, 0));
        }
        units.removeIf(u -> u.text() == null || u.text().isBlank());
        return units;
    }

    private static Unit search(Entry entry, String text, Fields.Unit unit, int index) {
        return new Unit(entry.id(), text, unit, index, Role.SEARCH);
    }
}
