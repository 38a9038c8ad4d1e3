package shopkb.server.auth;

/** Who is calling: the token's name (recorded in the history as the editor) and its role. */
public record Principal(String name, Role role) {
}
