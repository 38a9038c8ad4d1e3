package shopkb.transfer;

import java.util.List;
import shopkb.content.FieldProblem;

/**
 * What an import did, or with {@code dryRun} would do, row by row. A real import is all or nothing:
 * {@code applied} is false whenever a row is rejected. {@code nearDuplicates} lists the first questions (up to
 * {@link ContentImporter#MAX_QUESTIONS_COMPARED} compared) that mean the same as another FAQ's.
 */
public record ImportReport(boolean dryRun, boolean applied, int rows, List<Row> created, List<Row> changed,
                           List<Row> unchanged, List<Rejected> rejected, List<NearDuplicateRow> nearDuplicates) {

    /**
     * An accepted row.
     *
     * @param row row number as the editor sees it (spreadsheet row, or line of a JSON Lines file)
     * @param note what was inferred, if anything
     */
    public record Row(int row, String id, String type, String note) {
    }

    /**
     * A question of an imported row that means the same as a question of another FAQ already in the knowledge base
     * (a warning: the row is imported anyway).
     */
    public record NearDuplicateRow(int row, String id, String field, String question, String entryId, String otherQuestion,
                                   double similarity) {
    }

    /** A refused row and why. */
    public record Rejected(int row, List<FieldProblem> problems) {
    }
}
