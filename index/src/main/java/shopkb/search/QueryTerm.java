package shopkb.search;

/**
 * One term of an analysed buyer message.
 *
 * @param start offset of the term in the normalised message
 * @param weight relative importance; particles and filler get a low weight
 * @param group terms with the same non-negative group are alternatives for one span (a synonym's
 *              expansions) and count once, by the best of them; -1 for an ordinary term
 */
public record QueryTerm(String text, int start, int end, float weight, int group) {

    public QueryTerm(String text, int start, int end, float weight) {
        this(text, start, end, weight, -1);
    }
}
