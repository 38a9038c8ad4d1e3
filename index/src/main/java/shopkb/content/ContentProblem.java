package shopkb.content;

/**
 * Why one content file (or one field of it) was rejected.
 *
 * @param file path relative to the content directory
 * @param field the field at fault, or null when the whole file is unreadable
 */
public record ContentProblem(String file, String field, String problem) {

    @Override
    public String toString() {
        return file + (field == null ? "" : " [" + field + "]") + ": " + problem;
    }
}
