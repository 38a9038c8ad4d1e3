/**
 * One handler per endpoint group, each validating its input, calling the core and returning JSON. {@link
 * shopkb.server.api.ShopRoutes} puts every operation on a shop under {@code /api/shops/{shop}/...} and, for the default
 * shop, under {@code /api/...}, behind the access guard; {@link shopkb.server.api.ErrorMapper} turns every error into a
 * JSON body in one place.
 */
package shopkb.server.api;
