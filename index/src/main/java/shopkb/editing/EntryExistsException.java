package shopkb.editing;

/** Creating an entry whose id is taken. */
public final class EntryExistsException extends RuntimeException {

    public EntryExistsException(String id) {
        super("an entry with id '" + id + "' already exists; update it instead, or choose another id");
    }
}
