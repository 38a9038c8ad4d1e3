package shopkb.search;

/**
 * A question of one FAQ that means the same as a question of another, so buyers' messages could go either way.
 *
 * @param field where the question sits in its entry: {@code question} or {@code similar[i]}
 * @param entryId the other FAQ
 * @param otherQuestion its question that means the same
 * @param similarity the cosine of the two questions' meaning vectors
 */
public record NearDuplicate(String field, String question, String entryId, String otherQuestion, double similarity) {
}
