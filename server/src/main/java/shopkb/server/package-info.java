/**
 * The thin HTTP layer over the core: {@link shopkb.server.KbServer} opens and closes a whole server in order (what the
 * shops share, the shops, the tokens, HTTP) for {@code serve}, the tests and the benchmark; {@link
 * shopkb.server.KbApplication} builds the Javalin application; {@link shopkb.server.ServerConfig} holds the settings;
 * {@link shopkb.server.Main} dispatches the command line.
 */
package shopkb.server;
