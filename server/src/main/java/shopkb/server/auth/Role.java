package shopkb.server.auth;

/**
 * What a token may do, each role including the ones before it: readers search and read; agents also give feedback and
 * keep their own phrasings; editors also change content and see insight; admins may do all of it in every shop, and
 * create and remove shops and tokens.
 */
public enum Role {
    READER, AGENT, EDITOR, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
