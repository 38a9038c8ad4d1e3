/**
 * One handler per endpoint group, each validating its input, calling the core and returning JSON; {@link
 * shopkb.server.api.ErrorMapper} turns every error into a JSON body in one place.
 */
package shopkb.server.api;
