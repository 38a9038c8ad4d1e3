package shopkb.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.Stream;

/**
 * A standard question (标准问题) with its similar questions (相似问法) and the standard answer.
 *
 * @param answer the text sent to the buyer (what the agent copies)
 * @param note guidance for the agent only, never copied to the buyer (e.g. what not to say)
 * @param negatives buyer phrasings that must not match this entry (反例)
 */
public record FaqEntry(
        String id,
        String intent,
        String scenario,
        String question,
        List<String> similar,
        String answer,
        String note,
        List<String> tags,
        List<String> products,
        List<String> negatives) implements Entry {

    public FaqEntry {
        question = Entry.stripped(question);
        answer = Entry.stripped(answer);
        note = Entry.stripped(note);
        similar = Entry.listOrEmpty(similar);
        tags = Entry.listOrEmpty(tags);
        products = Entry.listOrEmpty(products);
        negatives = Entry.listOrEmpty(negatives);
    }

    @Override
    public EntryType type() {
        return EntryType.FAQ;
    }

    @Override
    public String displayTitle() {
        return question;
    }

    @Override
    public List<String> productCodes() {
        return products;
    }

    /**
     * Question {@code index} of {@link #allQuestions()} (0: the standard question), or null past the last; without
     * building that list, as the search path asks for one question of many hits.
     */
    public String questionAt(int index) {
        if (index == 0) {
            return question;
        }
        return index > 0 && index <= similar.size() ? similar.get(index - 1) : null;
    }

    /** The standard question followed by the similar questions, in file order. */
    @JsonIgnore
    public List<String> allQuestions() {
        return Stream.concat(Stream.of(question), similar.stream()).toList();
    }
}
