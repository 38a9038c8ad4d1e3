package shopkb.editing;

/**
 * The editor's copy is stale: someone changed the entry since it was read.
 *
 * @see #currentEtag()
 */
public final class VersionConflictException extends RuntimeException {

    private final String currentEtag;
    private final String changedBy;
    private final String changedAt;

    public VersionConflictException(String id, String currentEtag, String changedBy, String changedAt) {
        super("entry '" + id + "' was changed" + (changedBy == null ? "" : " by " + changedBy)
                + (changedAt == null ? "" : " at " + changedAt)
                + " since you opened it; reload it, reapply your change, and save again");
        this.currentEtag = currentEtag;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String currentEtag() {
        return currentEtag;
    }

    public String changedBy() {
        return changedBy;
    }

    public String changedAt() {
        return changedAt;
    }
}
