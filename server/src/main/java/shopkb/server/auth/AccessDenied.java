package shopkb.server.auth;

/** A caller refused: without a (known) token, or with a token that may not do this. */
public final class AccessDenied extends RuntimeException {

    /** Why: no token or an unknown one (the caller should authenticate), or a known token without the right. */
    public enum Reason { UNAUTHENTICATED, FORBIDDEN }

    private final Reason reason;

    AccessDenied(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
