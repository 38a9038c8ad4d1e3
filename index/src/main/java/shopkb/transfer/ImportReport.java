package shopkb.transfer;

import java.util.List;
import shopkb.content.FieldProblem;

/**
 * What an import did, or with {@code dryRun} would do, row by row. A real import is all or nothing:
 * {@code applied} is false whenever a row is rejected.
 */
public record ImportReport(boolean dryRun, boolean applied, int rows, List<Row> created, List<Row> changed,
                           List<Row> unchanged, List<Rejected> rejected) {

    /**
     * An accepted row.
     *
     * @param row row number as the editor sees it (spreadsheet row, or line of a JSON Lines file)
     * @param note what was inferred, if anything
     */
    public record Row(int row, String id, String type, String note) {
    }

    /** A refused row and why. */
    public record Rejected(int row, List<FieldProblem> problems) {
    }
}
