/**
 * Many shops in one server. {@link shopkb.shops.ShopCatalog} owns the shops (listed, created whole, removed by moving
 * aside): on disk, laid out as {@link shopkb.shops.DataLayout} names, or the content home's when it keeps them (a
 * cluster); {@link shopkb.shops.OpenShops} owns which shops are open (opened on first use, closed when idle or removed
 * through another server, never under a request); a {@link shopkb.shops.Shop} is one open shop's knowledge base and
 * usage log. A shop's served content is changed only by its {@link shopkb.indexing.ServedContent}.
 */
package shopkb.shops;
