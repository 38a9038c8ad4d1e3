/**
 * Tokens (stored hashed) with their roles, and the access guard every handler asks before reading or changing
 * anything.
 */
package shopkb.server.auth;
