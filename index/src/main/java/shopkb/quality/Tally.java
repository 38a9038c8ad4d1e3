package shopkb.quality;

/**
 * Counts what ranking quality is made of, one labelled message at a time: where the right answer ranked, whether the
 * top was flagged confident, and off-topic lines flagged confident. Not thread-safe; one per evaluation.
 */
public final class Tally {

    private int labelled;
    private int hits1;
    private int hits3;
    private double reciprocal;
    private int confident;
    private int confidentRight;
    private int offTopic;
    private int offTopicConfident;

    /**
     * @param rank where the first result of the expected intent ranked (1 is first), or -1 when it was not shown
     * @param flagged the top result was flagged confident
     */
    public void labelled(int rank, boolean flagged) {
        labelled++;
        hits1 += rank == 1 ? 1 : 0;
        hits3 += rank >= 1 && rank <= 3 ? 1 : 0;
        reciprocal += rank >= 1 ? 1.0 / rank : 0;
        confident += flagged ? 1 : 0;
        confidentRight += flagged && rank == 1 ? 1 : 0;
    }

    /** An off-topic line: no answer is right; flagging one confident is a mistake. */
    public void offTopic(boolean flagged) {
        offTopic++;
        offTopicConfident += flagged ? 1 : 0;
    }

    public int labelled() {
        return labelled;
    }

    public double hitAt1() {
        return (double) hits1 / Math.max(1, labelled);
    }

    public double hitAt3() {
        return (double) hits3 / Math.max(1, labelled);
    }

    public double mrr() {
        return reciprocal / Math.max(1, labelled);
    }

    /** Share of labelled messages answered right and flagged confident. */
    public double confidentRight() {
        return (double) confidentRight / Math.max(1, labelled);
    }

    /** Of the messages flagged confident, the share answered right (NaN: none flagged). */
    public double rightWhenConfident() {
        return confident == 0 ? Double.NaN : (double) confidentRight / confident;
    }

    /** Of the messages not flagged confident, the share answered right anyway (NaN: all flagged). */
    public double rightOtherwise() {
        return labelled == confident ? Double.NaN : (double) (hits1 - confidentRight) / (labelled - confident);
    }

    public int offTopicLines() {
        return offTopic;
    }

    public int offTopicConfident() {
        return offTopicConfident;
    }
}
