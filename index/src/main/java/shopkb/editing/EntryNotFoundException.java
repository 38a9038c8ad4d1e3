package shopkb.editing;

/** No entry has this id. */
public final class EntryNotFoundException extends RuntimeException {

    public EntryNotFoundException(String id) {
        super("no entry with id '" + id + "'");
    }
}
