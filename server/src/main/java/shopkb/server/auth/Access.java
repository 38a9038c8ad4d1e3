package shopkb.server.auth;

/** What an operation needs of its caller. A token that is sent is always checked, whatever the operation. */
public enum Access {
    /** Anyone (health, so monitoring needs no token); a token that is sent must be known and may use the shop. */
    OPEN,
    /** Anyone while reading is open (the default, on localhost); else a token of any role that may use the shop. */
    READ,
    /** An agent's (or editor's, admin's) token that may use the shop: own phrasings belong to a token. */
    AGENT,
    /** An editor's or admin's token that may use the shop. */
    EDIT
}
