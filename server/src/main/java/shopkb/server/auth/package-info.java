/**
 * Who may do what in which shop: tokens (stored hashed) with a role and the shops they may use ({@link
 * shopkb.server.auth.TokenStore}, the one owner of {@code tokens.json}), what an operation needs ({@link
 * shopkb.server.auth.Access}), and the guard every request passes ({@link shopkb.server.auth.AccessGuard}). Refusals are
 * {@link shopkb.server.auth.AccessDenied}; the API layer turns them into 401 and 403.
 */
package shopkb.server.auth;
