package shopkb.editing;

/** Creating an entry whose id is taken. */
public final class EntryExistsException extends RuntimeException {

    public EntryExistsException(String id) {
        super("an entry with id '" + id + "' already exists; update it instead, or choose another id");
    }

    /** The id's file exists but could not be loaded: writing over it would silently throw away what it holds. */
    public EntryExistsException(String id, String file, String problems) {
        super("the file " + file + " for id '" + id + "' exists but could not be loaded (" + problems
                + "); fix or delete that file first, or choose another id");
    }
}
