package shopkb.search;

/**
 * One term of an analysed buyer message.
 *
 * @param start offset of the term in the normalised message
 * @param weight relative importance; particles and filler get a low weight
 */
public record QueryTerm(String text, int start, int end, float weight) {
}
