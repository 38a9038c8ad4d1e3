package shopkb.search;

import shopkb.indexing.Fields;

/**
 * The evidence for one entry, as the fusion of words and meaning weighs it.
 *
 * @param intent the intent the entry (for a policy: the matching section) answers, or null
 * @param unit the entry's best unit (the one the snippet shows)
 * @param wordScore the lexical chain's score (0 when the words did not find the entry)
 * @param wordShare {@code wordScore} over the best lexical score of this search, 0 to 1
 * @param coverage IDF-weighted share of the message's information found in the unit's text, 0 to 1; or
 *                 {@link #NOT_COVERED} when the search did not need it (by words only, only the first answer's is computed)
 * @param cosine meaning similarity of the message and the entry's nearest text, -1 to 1 (0 when unknown)
 * @param secondCosine the same for the entry's next nearest text, when it was among the texts nearest the message
 *                     (else 0)
 * @param focus the entry is about a product the message names or the agent has in focus
 * @param named the entry is the product whose code the message names (its facts card)
 * @param byWords found by the lexical chain
 * @param byMeaning found among the texts nearest in meaning
 */
public record Candidate(String entryId, String intent, Fields.Unit unit, int unitIndex, float wordScore, double wordShare,
                        double coverage, double cosine, double secondCosine, boolean focus, boolean named, boolean byWords, boolean byMeaning) {

    /** The coverage of a candidate whose coverage was not computed. */
    public static final double NOT_COVERED = -1;

    /** Whether the coverage was computed. */
    public boolean covered() {
        return coverage != NOT_COVERED;
    }

    /** This candidate with its coverage. */
    public Candidate withCoverage(double computed) {
        return new Candidate(entryId, intent, unit, unitIndex, wordScore, wordShare, computed, cosine, secondCosine, focus, named,
                byWords, byMeaning);
    }
}
