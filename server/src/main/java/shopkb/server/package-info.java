/**
 * The thin HTTP layer over the core: {@link shopkb.server.KbApplication} builds the Javalin application, {@link
 * shopkb.server.ServerConfig} holds the settings, {@link shopkb.server.Main} dispatches the command line.
 */
package shopkb.server;
