package shopkb.server.auth;

/** What a token may do: readers search and read; editors also change content. */
public enum Role {
    READER, EDITOR
}
