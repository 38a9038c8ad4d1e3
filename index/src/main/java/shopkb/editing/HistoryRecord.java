package shopkb.editing;

/**
 * One change of an entry.
 *
 * @param version 1 for the first recorded change, counting up
 * @param action create, update, delete, restore or import
 * @param content the entry's file text after the change (null after a delete)
 * @param previous the file text before the change (null before a create)
 */
public record HistoryRecord(int version, String at, String by, String action, String content, String previous) {
}
