package shopkb.transfer;

/**
 * Keeps spreadsheet programs from running exported text as a formula (CSV injection): a cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '}. The mark is reversible, so an exported
 * CSV imports back unchanged: a cell that already starts with {@code '} and would need the mark after it gets
 * one more, and the import removes exactly one.
 */
public final class FormulaGuard {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private FormulaGuard() {
    }

    /** The text as it is safe to write into a CSV cell. */
    public static String neutralise(String text) {
        return needsMark(text) ? "'" + text : text;
    }

    /** The text {@link #neutralise} was given, from what it wrote. */
    public static String restore(String cell) {
        return cell.startsWith("'") && needsMark(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsMark(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return FORMULA_STARTS.indexOf(first) >= 0 || (first == '\'' && needsMark(text.substring(1)));
    }
}
